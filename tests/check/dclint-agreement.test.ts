// Where compose rules overlap dclint 3.1.0's (a test-only oracle), check and dclint agree on the
// corpus compose files, per service and rule, or the difference is listed with its reason.
// (dclint reports port problems at the `ports:` key, check at each entry, so lines are
// compared through the service they belong to.)
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkPaths } from "../../src/check/index.js";
import { parseCompose } from "../../src/check/parse/compose.js";
import { makeSource } from "../../src/check/parse/source.js";
import { CASES, CORPUS } from "./corpus-files.js";

const run = promisify(execFile);
const DCLINT = join(import.meta.dirname, "../../node_modules/dclint/bin/dclint.cjs");

const RULE_TO_OURS: Record<string, string> = {
  "invalid-yaml": "CMP-SCHEMA-VALID",
  "invalid-schema": "CMP-SCHEMA-VALID",
  "no-version-field": "CMP-NO-VERSION",
  "no-unbound-port-interfaces": "CMP-PORTS-BIND-IFACE",
  "service-image-require-explicit-tag": "CMP-IMAGE-PINNED",
  "no-build-and-image": "CMP-BUILD-IMAGE-PULLPOLICY",
  "no-duplicate-exported-ports": "CMP-ONLY-NEEDED-PORTS",
  "require-quotes-in-ports": "CMP-STYLE",
  "no-quotes-in-volumes": "CMP-STYLE",
  "service-keys-order": "CMP-STYLE",
  "services-alphabetical-order": "CMP-STYLE",
  "service-dependencies-alphabetical-order": "CMP-STYLE",
  "service-ports-alphabetical-order": "CMP-STYLE",
  "top-level-properties-order": "CMP-STYLE",
  "no-duplicate-container-names": "CMP-STYLE",
  // require-project-name-field: CMP-PROJECT-NAME is opt-in (docker-compose 1.29 rejects name:).
};
const OURS = new Set(Object.values(RULE_TO_OURS));

const WHY = {
  longPorts: "dclint's no-unbound-port-interfaces reads only short-syntax ports; check also reads long syntax (host_ip: 0.0.0.0).",
  portRange: "The rulebook's CMP-ONLY-NEEDED-PORTS also rejects port ranges; dclint's no-duplicate-exported-ports only looks for duplicates.",
  schemaCount: "dclint stops at the first schema error; check reports each (up to 10).",
  schemaStops: "dclint runs no other rule on a file that fails the schema; check still reports the style of the valid parts.",
  interpolation: "check interpolates `${BIND_ADDR:-127.0.0.1}` to its default, so that port is bound to loopback; dclint reads the text and sees no address.",
};

/** `case/side/RULE/where` -> why they differ. */
const KNOWN: Record<string, string> = {
  "cmp-long-syntax/ours/CMP-PORTS-BIND-IFACE/api": WHY.longPorts,
  "cmp-invalid-schema/ours/CMP-SCHEMA-VALID/(file)": WHY.schemaCount,
  "cmp-invalid-schema/ours/CMP-STYLE/app": WHY.schemaStops,
  "cmp-interpolation/theirs/CMP-PORTS-BIND-IFACE/web": WHY.interpolation,
  "cmp-traefik-socket-ro/ours/CMP-ONLY-NEEDED-PORTS/traefik": WHY.portRange,
};

async function dclint(file: string): Promise<{ rule: string; line: number }[]> {
  let stdout = "";
  try {
    ({ stdout } = await run(process.execPath, [DCLINT, file, "-f", "json"], { timeout: 60_000 }));
  } catch (err) {
    stdout = (err as { stdout?: string }).stdout ?? "";
  }
  return (JSON.parse(stdout) as { messages: { rule: string; line: number }[] }[]).flatMap((r) => r.messages);
}

function count(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

async function differences(name: string): Promise<string[]> {
  const path = join(CORPUS, name, "docker-compose.yml");
  const text = readFileSync(path, "utf8");
  const model = parseCompose(makeSource("docker-compose.yml", text)!);
  const servicesEnd = Math.min(...Object.keys(model.data ?? {}).map((k) => model.lineOf(k)).filter((l) => l > model.lineOf("services")), Infinity);
  const where = (rule: string, line: number) => {
    if (rule === "CMP-SCHEMA-VALID" || rule === "CMP-NO-VERSION") return "(file)";
    const svc = [...model.services].reverse().find((s) => s.line <= line && line < servicesEnd);
    return svc?.name ?? "(file)";
  };
  const theirs = (await dclint(path)).filter((m) => RULE_TO_OURS[m.rule]).map((m) => `${RULE_TO_OURS[m.rule]}/${where(RULE_TO_OURS[m.rule] as string, m.line)}`);
  const result = await checkPaths({ cwd: join(CORPUS, name), config: {} });
  const ours = result.findings.filter((f) => f.file === "docker-compose.yml" && OURS.has(f.ruleId)).map((f) => `${f.ruleId}/${where(f.ruleId, f.line)}`);
  const a = count(ours);
  const b = count(theirs);
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? 0;
    const y = b.get(key) ?? 0;
    if (x > y) out.push(`${name}/ours/${key}`);
    if (y > x) out.push(`${name}/theirs/${key}`);
  }
  return out;
}

describe("agreement with dclint on the corpus compose files", () => {
  it("agrees per service and rule, except for the explained differences", async () => {
    const names = CASES.filter((c) => existsSync(join(CORPUS, c, "docker-compose.yml")));
    expect(names.length).toBeGreaterThanOrEqual(15);
    const found = (await Promise.all(names.map(differences))).flat().sort();
    const unexplained = found.filter((d) => !KNOWN[d]);
    const stale = Object.keys(KNOWN).filter((k) => !found.includes(k));
    expect({ unexplained, stale }).toEqual({ unexplained: [], stale: [] });
  }, 120_000);
});
