// Reading .docker-scaffold.yml back: the preset, the explicit answers and --only of the
// last run, so that `--yes` reproduces it, and the `files:` record `update` merges from.
// A hand-edited file is checked key by key: every problem is reported together (exit 2).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseAnswersYaml as parseYaml } from "../presets/read-yaml.js";
import { PresetError } from "../errors.js";
import { ANSWER_KEYS, isAnswerKey, type PartialAnswers } from "../model/answers.js";
import { ALL_OUTPUT_FILES, MERGE_STRATEGIES, type FileRecord } from "../model/plan.js";
import { ANSWERS_FILE } from "../render/answers-file.js";
import type { SourceRecord } from "../packs/load.js";

export interface Recorded {
  preset: string | null;
  answers: PartialAnswers;
  only: string[] | null;
  /** path -> how it merges and the sha256 of what was last written (empty before issue 7). */
  files: Record<string, FileRecord>;
  /** pinDigests: the digests resolved last time (image reference -> sha256:...), reused offline. */
  digests: Record<string, string>;
  /** Other top-level keys (e.g. `check:` settings): kept when the file is written again. */
  extra: Record<string, unknown>;
  /** --template references of the last run (issue 8). */
  templates?: string[];
  /** The exact versions presets and packs resolved to (issue 8). */
  resolved?: SourceRecord[];
  /** Answers to template packs' questions (issue 8). */
  values?: Record<string, unknown>;
  /** A repository with several apps: each app's folder and its own answers (issue 6); null for one app. */
  apps: { path: string; answers: PartialAnswers }[] | null;
}

const OWN_KEYS = ["apiVersion", "kind", "generator", "preset", "templates", "answers", "only", "files", "digests", "resolved", "values", "apps"];
const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;
const SHA256_RE = /^[0-9a-f]{64}$/;

export async function readRecorded(dir: string): Promise<Recorded | null> {
  return readRecordedPath(join(dir, ANSWERS_FILE));
}

/** An answers file in the format of .docker-scaffold.yml (`--answers` for several apps), or null when it does not exist. */
export async function readRecordedPath(path: string): Promise<Recorded | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new PresetError(`${path} is not valid YAML: ${(err as Error).message.split("\n")[0]}\nfix: correct it, or delete it to start over`);
  }
  if (doc === null || doc === undefined) return { preset: null, answers: {}, only: null, files: {}, digests: {}, extra: {}, apps: null };
  if (typeof doc !== "object" || Array.isArray(doc)) throw new PresetError(`${path} must be a YAML mapping (apiVersion, preset, answers).`);
  return checkRecorded(path, doc as Record<string, unknown>);
}

const show = (v: unknown) => JSON.stringify(v) ?? String(v);
const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A path docker-scaffold may write or delete: relative, inside the directory, not its own record. */
export function isSafeRecordedPath(p: string): boolean {
  return (
    p !== "" &&
    !p.startsWith("/") &&
    !p.includes("\\") &&
    !/^[A-Za-z]:/.test(p) &&
    p.split("/").every((seg) => seg !== "" && seg !== "." && seg !== "..") &&
    p !== ANSWERS_FILE &&
    !p.startsWith(".docker-scaffold/") &&
    p.split("/")[0] !== ".git"
  );
}

function checkRecorded(path: string, d: Record<string, unknown>): Recorded {
  const problems: string[] = [];
  const add = (key: string, problem: string, fix: string) => problems.push(`  - ${key}: ${problem}\n    fix: ${fix}`);
  if (d.apiVersion !== undefined && d.apiVersion !== "docker-scaffold/v1") add("apiVersion", `${show(d.apiVersion)} is not docker-scaffold/v1`, "write apiVersion: docker-scaffold/v1");
  if (d.kind !== undefined && d.kind !== "Answers") add("kind", `${show(d.kind)} is not Answers`, "write kind: Answers");
  if (d.generator !== undefined && typeof d.generator !== "string") add("generator", `${show(d.generator)} is not text`, "write generator: docker-scaffold@<version>, or remove the line");

  let preset: string | null = null;
  if (typeof d.preset === "string" && d.preset) preset = d.preset;
  else if (isMapping(d.preset) && typeof d.preset.name === "string" && d.preset.name) {
    // A preset read from a file is found again by its path; a built-in by its name.
    preset = d.preset.name;
    if (d.preset.version !== undefined && typeof d.preset.version !== "string") add("preset.version", `${show(d.preset.version)} is not text`, 'quote it, e.g. version: "1.0.0"');
    if (typeof d.preset.source === "string" && d.preset.source) preset = d.preset.source;
    else if (d.preset.source !== undefined) add("preset.source", `${show(d.preset.source)} is not a path`, "write the preset file's path relative to this file, or remove it");
  } else if (d.preset !== undefined && d.preset !== null) add("preset", `${show(d.preset)} is not a preset name`, "write preset: {name: <preset>, version: <x.y.z>}, or remove it");

  const answers = d.answers ?? {};
  if (!isMapping(answers)) add("answers", `must be a mapping of answer keys, got ${show(answers)}`, `write answers: {port: 8000, ...} with keys ${ANSWER_KEYS.join(", ")}`);
  else {
    const unknown = Object.keys(answers).filter((k) => !isAnswerKey(k));
    for (const k of unknown) add(`answers.${k}`, "is not an answer key", `remove it (the keys: ${ANSWER_KEYS.join(", ")})`);
  }

  let only: string[] | null = null;
  if (d.only !== undefined && d.only !== null) {
    if (!Array.isArray(d.only)) add("only", `${show(d.only)} is not a list`, `write only: [Dockerfile, .dockerignore], or remove it`);
    else {
      only = d.only.map(String);
      for (const f of d.only) if (!(ALL_OUTPUT_FILES as readonly unknown[]).includes(f)) add("only", `${show(f)} is not a generated file`, `use ${ALL_OUTPUT_FILES.join(", ")}`);
    }
  }

  const files: Record<string, FileRecord> = {};
  if (d.files !== undefined && d.files !== null) {
    if (!isMapping(d.files)) add("files", `${show(d.files)} is not a mapping`, "remove it: the next run writes it again");
    else {
      for (const [p, entry] of Object.entries(d.files)) {
        const key = `files.${p}`;
        if (!isSafeRecordedPath(p)) {
          add(key, "is not a path inside this directory that docker-scaffold writes", "remove the entry");
          continue;
        }
        if (!isMapping(entry)) {
          add(key, `${show(entry)} is not a mapping of strategy and sha256`, "remove the entry: the next run writes it again");
          continue;
        }
        const strategy = entry.strategy;
        const sha = entry.sha256;
        const okStrategy = (MERGE_STRATEGIES as readonly unknown[]).includes(strategy);
        const okSha = typeof sha === "string" && SHA256_RE.test(sha);
        if (!okStrategy) add(`${key}.strategy`, `${show(strategy)} is not one of ${MERGE_STRATEGIES.join(", ")}`, "restore it from git, or remove the entry");
        if (!okSha) add(`${key}.sha256`, `${show(sha)} is not a sha256 (64 lower-case hex digits)`, "restore it from git, or remove the entry");
        if (okStrategy && okSha) files[p] = { strategy: strategy as FileRecord["strategy"], sha256: sha as string };
      }
    }
  }
  const digests: Record<string, string> = {};
  if (d.digests !== undefined && d.digests !== null) {
    if (!isMapping(d.digests)) add("digests", `${show(d.digests)} is not a mapping of image to digest`, "remove it: the next run with pinDigests resolves the digests again");
    else {
      for (const [image, digest] of Object.entries(d.digests)) {
        if (typeof digest === "string" && DIGEST_RE.test(digest)) digests[image] = digest;
        else add(`digests.${image}`, `${show(digest)} is not a digest (sha256: and 64 lower-case hex digits)`, "remove the entry: the next run resolves it again");
      }
    }
  }
  let templates: string[] | undefined;
  if (d.templates !== undefined && d.templates !== null) {
    if (!Array.isArray(d.templates) || d.templates.some((t) => typeof t !== "string")) add("templates", `${show(d.templates)} is not a list of references`, "write templates: [<ref>, ...], or remove it");
    else templates = d.templates as string[];
  }
  let values: Record<string, unknown> | undefined;
  if (d.values !== undefined && d.values !== null) {
    if (!isMapping(d.values) || Object.values(d.values).some((v) => !["string", "number", "boolean"].includes(typeof v))) {
      add("values", `${show(d.values)} is not a mapping of names to strings, numbers or booleans`, "correct it, or remove it: the next run asks the packs' questions again");
    } else values = d.values as Record<string, unknown>;
  }
  let resolved: SourceRecord[] | undefined;
  if (d.resolved !== undefined && d.resolved !== null) {
    const ok = Array.isArray(d.resolved) && d.resolved.every((r) => isMapping(r) && typeof r.ref === "string" && typeof r.name === "string");
    if (!ok) add("resolved", `${show(d.resolved)} is not a list of resolved presets and packs`, "remove it: the next run writes it again (from what the references name now)");
    else resolved = (d.resolved as Record<string, unknown>[]).map((r) => ({ ...r, version: String(r.version ?? "") }) as SourceRecord);
  }
  let apps: Recorded["apps"] = null;
  if (d.apps !== undefined && d.apps !== null) {
    if (!Array.isArray(d.apps)) add("apps", `${show(d.apps)} is not a list`, "write apps: [{path: api, answers: {port: 8000}}, ...], or remove it");
    else {
      apps = [];
      d.apps.forEach((entry: unknown, i: number) => {
        const key = `apps[${i}]`;
        if (!isMapping(entry) || typeof entry.path !== "string" || !(entry.path === "." || isSafeRecordedPath(entry.path))) {
          add(key, `${show(entry)} is not {path: <folder>, answers: {...}} with a folder inside this directory`, "correct it, or remove the entry");
          return;
        }
        const own = entry.answers ?? {};
        if (!isMapping(own)) {
          add(`${key}.answers`, `must be a mapping of answer keys, got ${show(own)}`, "write answers: {port: 8000}");
          return;
        }
        for (const k of Object.keys(own)) if (!isAnswerKey(k)) add(`${key}.answers.${k}`, "is not an answer key", `remove it (the keys: ${ANSWER_KEYS.join(", ")})`);
        apps!.push({ path: entry.path, answers: own as PartialAnswers });
      });
      if (apps.length === 0 && problems.length === 0) add("apps", "is empty", "list the apps, or remove the key");
    }
  }
  if (problems.length) throw new PresetError(`${path} is not valid:\n${problems.join("\n")}`);
  return {
    ...(templates ? { templates } : {}),
    ...(resolved ? { resolved } : {}),
    ...(values ? { values } : {}),
    preset,
    answers: answers as PartialAnswers,
    only,
    files,
    digests,
    extra: Object.fromEntries(Object.entries(d).filter(([k]) => !OWN_KEYS.includes(k))),
    apps,
  };
}
