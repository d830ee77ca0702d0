// Robustness: check never throws and stays fast on mangled input. 1,200 seeded random
// mutations of the corpus files (deleted/duplicated/swapped lines, truncation, random bytes,
// deep YAML nesting, huge lines), each checked with its neighbours.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTexts, type TextFile } from "../../src/check/index.js";
import { CASES, CORPUS } from "./corpus-files.js";

const MUTATIONS = 1200;
/** Per call, generous for slow CI machines; typical calls take a few milliseconds. */
const MAX_MS_PER_CALL = 1500;

/** mulberry32: small, seeded, reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (text: string, r: () => number) => string;
const pick = <T,>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)] as T;

const MUTATORS: Record<string, Mutation> = {
  deleteLine: (t, r) => {
    const l = t.split("\n");
    l.splice(Math.floor(r() * l.length), 1);
    return l.join("\n");
  },
  duplicateLine: (t, r) => {
    const l = t.split("\n");
    const i = Math.floor(r() * l.length);
    l.splice(i, 0, l[i] ?? "");
    return l.join("\n");
  },
  swapLines: (t, r) => {
    const l = t.split("\n");
    const i = Math.floor(r() * l.length);
    const j = Math.floor(r() * l.length);
    [l[i], l[j]] = [l[j] ?? "", l[i] ?? ""];
    return l.join("\n");
  },
  truncate: (t, r) => t.slice(0, Math.floor(r() * t.length)),
  randomBytes: (t, r) => {
    const at = Math.floor(r() * t.length);
    const bytes = Array.from({ length: 1 + Math.floor(r() * 40) }, () => String.fromCharCode(Math.floor(r() * 0x3000)));
    return t.slice(0, at) + bytes.join("") + t.slice(at);
  },
  specialChars: (t, r) => {
    const at = Math.floor(r() * t.length);
    return t.slice(0, at) + pick(["\\", "\\\n", "$", "${", "${A:-${B", "'", '"', "[", "]", "{", "}", "|", "#", "<<EOF", "\t", ": ", "- ", "&a", "*a", "<<: *a", "\0", "\r"], r) + t.slice(at);
  },
  deepYaml: (t, r) =>
    r() < 0.5
      ? "x: " + "[".repeat(5000) + "]".repeat(5000) + "\n" + t
      : Array.from({ length: 300 + Math.floor(r() * 700) }, (_, i) => " ".repeat(i) + "a:").join("\n") + " 1\n" + t,
  hugeLine: (t, r) => t + "\nRUN " + "echo a && ".repeat(500 + Math.floor(r() * 2500)) + "true\n",
  aliasBomb: (t) => `${t}\nx-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nx-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nx-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nx-e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`,
  empty: () => "",
};

function caseFiles(name: string): TextFile[] {
  const dir = join(CORPUS, name);
  return readdirSync(dir)
    .filter((f) => f !== "expected.txt")
    .map((f) => ({ path: f, text: readFileSync(join(dir, f), "utf8") }));
}

describe("robustness", () => {
  it(`survives ${MUTATIONS} random mutations of the corpus without exceptions and within ${MAX_MS_PER_CALL} ms per call`, async () => {
    const r = prng(20261125);
    const all = CASES.map(caseFiles);
    const names = Object.keys(MUTATORS);
    const problems: string[] = [];
    let slowest = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      // Let vitest's worker talk to the main process now and then.
      if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      const files = pick(all, r);
      const target = Math.floor(r() * files.length);
      const mutator = pick(names, r);
      const times = 1 + Math.floor(r() * 3);
      const mutated = files.map((f, k) => {
        if (k !== target) return f;
        let text = f.text;
        for (let n = 0; n < times; n++) text = (MUTATORS[mutator] as Mutation)(text, r);
        return { ...f, text };
      });
      const started = performance.now();
      let findings;
      try {
        findings = checkTexts(mutated);
      } catch (err) {
        problems.push(`#${i} ${mutator} on ${files[target]?.path}: threw ${String(err)}`);
        continue;
      }
      const ms = performance.now() - started;
      slowest = Math.max(slowest, ms);
      if (ms > MAX_MS_PER_CALL) problems.push(`#${i} ${mutator} on ${files[target]?.path}: ${ms.toFixed(0)} ms`);
      for (const f of findings) {
        if (f.ruleId === "CHECK-RULE-ERROR") problems.push(`#${i} ${mutator} on ${f.file}: ${f.message}`);
        if (!Number.isInteger(f.line) || f.line < 1) problems.push(`#${i} ${mutator}: bad line ${f.line} for ${f.ruleId}`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(slowest).toBeLessThan(MAX_MS_PER_CALL);
  }, 300_000);
});
