// Loading presets and template packs with their `extends` chains (a cycle is exit 2 naming
// the chain): the effective answers, locks and registry policies of a preset, the template
// layers and files of the packs, and what a run records of each (locate.ts finds them).
import { existsSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { PresetError } from "../errors.js";
import type { PartialAnswers } from "../model/answers.js";
import type { TemplateLayer } from "../render/layered-engine.js";
import { cacheDir, loadUserConfig, type UserConfig } from "./config.js";
import type { FetchMode } from "./git.js";
import { hashPath, locate, readManifest, type Base, type Located } from "./locate.js";
import type { PackManifest, PackQuestion, PackValue, PresetManifest } from "./manifest.js";
import type { NpmFetcher } from "./npm.js";
import { parseRef, type Ref } from "./ref.js";
import { assertContained, isInside, listFiles } from "./safe-walk.js";

/** What .docker-scaffold.yml records of one preset or pack used (`resolved:`). */
export interface SourceRecord {
  ref: string;
  kind: "Preset" | "TemplatePack";
  name: string;
  version: string;
  /** git: the commit the ref resolved to. */
  commit?: string;
  /** npm: the exact package version. */
  npm?: string;
  /** A folder or file on disk: sha256 of its content. */
  sha256?: string;
}

export interface LoadContext {
  /** Where references given on the command line are relative to. */
  cwd: string;
  /** The target directory (its node_modules is looked at first for npm:). */
  target: string;
  mode: FetchMode;
  config: UserConfig;
  npm?: NpmFetcher;
  /** Recorded pins: git `<url>#<rev>` -> commit, npm `<package>@<range>` -> version. */
  pins: Map<string, string>;
}

export function loadContext(options: { cwd: string; target: string; offline?: boolean; refresh?: boolean; npm?: NpmFetcher; pins?: Map<string, string>; env?: NodeJS.ProcessEnv }): LoadContext {
  const env = options.env ?? process.env;
  return {
    cwd: options.cwd,
    target: options.target,
    mode: { offline: !!options.offline, refresh: !!options.refresh, cache: cacheDir(env) },
    config: loadUserConfig(env),
    npm: options.npm,
    pins: options.pins ?? new Map(),
  };
}

function record(raw: string, loc: Located, m: { kind: "Preset" | "TemplatePack"; name: string; version: string }, hashOf: string): SourceRecord {
  const r: SourceRecord = { ref: raw, kind: m.kind, name: m.name, version: m.version };
  if (loc.source.commit) r.commit = loc.source.commit;
  if (loc.source.npm) r.npm = loc.source.npm;
  if (loc.source.type === "local") r.sha256 = hashPath(hashOf);
  return r;
}

// ---------------------------------------------------------------------------------------
// Presets

export interface LockedAnswer {
  key: string;
  value: unknown;
  /** The preset that locked it: `acme-python (gh:acme/standards#v1)`. */
  by: string;
}

export interface RegistryPolicy {
  registries: string[];
  by: string;
}

export interface EffectivePreset {
  name: string;
  version: string;
  description: string;
  /** The reference it was loaded from; "builtin" for a built-in. */
  origin: string;
  builtin: boolean;
  answers: PartialAnswers;
  /** Values for pack questions (each preset's over those of the presets it extends). */
  values: Record<string, PackValue>;
  locked: LockedAnswer[];
  registryPolicies: RegistryPolicy[];
  /** Template pack references, resolved with the base they were written in. */
  packs: { ref: string; base: Base }[];
  records: SourceRecord[];
}

/** The value of `key` (`uid`, `security.readOnly`) in answers, or undefined. */
export function answerAt(answers: PartialAnswers, key: string): unknown {
  const [top, sub] = key.split(".");
  const v = (answers as Record<string, unknown>)[top!];
  if (sub === undefined) return v;
  return v && typeof v === "object" ? (v as Record<string, unknown>)[sub] : undefined;
}

function mergeAnswers(lower: PartialAnswers, upper: PartialAnswers): PartialAnswers {
  const out: Record<string, unknown> = { ...lower };
  for (const [k, v] of Object.entries(upper)) {
    if (k === "security" && v && typeof v === "object" && out.security && typeof out.security === "object") out.security = { ...(out.security as object), ...(v as object) };
    else out[k] = v;
  }
  return out as PartialAnswers;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function loadPresetRef(raw: string, ctx: LoadContext, base?: Base, stack: string[] = []): EffectivePreset {
  const loc = locate(raw, base ?? { dir: ctx.cwd, root: null, source: null }, ctx, "Preset");
  const id = realpathSync(loc.file);
  if (stack.includes(id)) {
    const chain = [...stack.slice(stack.indexOf(id)), id].join("\n    extends ");
    throw new PresetError(`${loc.file}: extends cycle:\n    ${chain}\nfix: remove one of these extends`);
  }
  const m = readManifest(loc.file, "Preset") as PresetManifest;
  const by = loc.source.type === "builtin" ? m.name : `${m.name} (${raw})`;
  const own: Base = { dir: loc.dir, root: loc.root, source: loc.source.type === "builtin" ? null : loc.root ? loc.source : null };
  const parents = m.extends.map((r) => loadPresetRef(r, ctx, own, [...stack, id]));

  let answers: PartialAnswers = {};
  let values: Record<string, PackValue> = {};
  const locked: LockedAnswer[] = [];
  const registryPolicies: RegistryPolicy[] = [];
  const packs: { ref: string; base: Base }[] = [];
  const records: SourceRecord[] = [];
  for (const p of parents) {
    answers = mergeAnswers(answers, p.answers);
    values = { ...values, ...p.values };
    for (const l of p.locked) if (!locked.some((x) => x.key === l.key)) locked.push(l);
    registryPolicies.push(...p.registryPolicies);
    packs.push(...p.packs);
    records.push(...p.records);
  }
  // A preset cannot unlock or change what a preset it extends locked.
  for (const l of locked) {
    const mine = answerAt(m.answers, l.key);
    if (mine !== undefined && !same(mine, l.value)) {
      throw new PresetError(`${loc.file}: answers.${l.key} is ${JSON.stringify(mine)}, but preset ${l.by} locked it to ${JSON.stringify(l.value)}.\nfix: remove answers.${l.key} from ${loc.file}`);
    }
  }
  answers = mergeAnswers(answers, m.answers);
  values = { ...values, ...m.values };
  for (const key of m.policy.locked) {
    const value = answerAt(answers, key);
    if (value === undefined) throw new PresetError(`${loc.file}: policy.locked names ${key}, but the preset sets no value for it.\nfix: set answers.${key} (the locked value), or unlock it`);
    if (!locked.some((x) => x.key === key)) locked.push({ key, value, by });
  }
  if (m.policy.allowedRegistries.length) registryPolicies.push({ registries: m.policy.allowedRegistries, by: `preset ${by}` });
  for (const t of m.templates) packs.push({ ref: t, base: own });
  if (loc.source.type !== "builtin") records.push(record(raw, loc, m, loc.file));
  return {
    name: m.name,
    version: m.version,
    description: m.description,
    origin: loc.source.type === "builtin" ? "builtin" : raw,
    builtin: loc.source.type === "builtin",
    answers,
    values,
    locked,
    registryPolicies,
    packs,
    records,
  };
}

// ---------------------------------------------------------------------------------------
// Template packs

export interface PackFile {
  /** Where it goes in the target directory (relative, "/"-separated). */
  path: string;
  /** The file in the pack. */
  file: string;
  by: string;
}

export interface EffectivePacks {
  /** Template layers, highest first (each pack, then what it extends). */
  layers: TemplateLayer[];
  registryPolicies: RegistryPolicy[];
  /** The registry put in front of base images (the highest pack that sets one). */
  imageRegistry: string | null;
  files: PackFile[];
  /** The packs' questions: a name asked by a higher pack hides the same name lower down. */
  questions: (PackQuestion & { by: string })[];
  records: SourceRecord[];
}

export const EMPTY_PACKS: EffectivePacks = { layers: [], registryPolicies: [], imageRegistry: null, files: [], questions: [], records: [] };

/** A path a pack may write: relative, inside the target, no `..`, no backslash, not ours. */
export function isSafeTargetPath(p: string): boolean {
  return (
    p !== "" &&
    !isAbsolute(p) &&
    !p.startsWith("/") &&
    !p.includes("\\") &&
    !/^[A-Za-z]:/.test(p) &&
    p.split("/").every((s) => s !== "" && s !== "." && s !== "..") &&
    p.split("/")[0] !== ".git" &&
    p !== ".docker-scaffold.yml" &&
    p.split("/")[0] !== ".docker-scaffold"
  );
}

export function loadPackRefs(refs: { ref: string; base?: Base }[], ctx: LoadContext): EffectivePacks {
  const out: EffectivePacks = { layers: [], registryPolicies: [], imageRegistry: null, files: [], questions: [], records: [] };
  const seen = new Set<string>();
  const visit = (raw: string, base: Base, stack: string[]) => {
    const loc = locate(raw, base, ctx, "TemplatePack");
    const id = realpathSync(loc.file);
    if (stack.includes(id)) {
      const chain = [...stack.slice(stack.indexOf(id)), id].join("\n    extends ");
      throw new PresetError(`${loc.file}: extends cycle:\n    ${chain}\nfix: remove one of these extends`);
    }
    if (seen.has(id)) return;
    seen.add(id);
    const m = readManifest(loc.file, "TemplatePack") as PackManifest;
    const by = `${m.name}@${m.version} (${raw})`;
    const packDir = loc.dir;
    // Every file of the pack is listed once: a symlink out of it is refused here.
    listFiles(packDir, "", `template pack ${by}`);
    out.layers.push({ dir: join(packDir, "templates"), root: packDir, label: `pack ${by}` });
    if (m.policy.allowedRegistries.length) out.registryPolicies.push({ registries: m.policy.allowedRegistries, by: `template pack ${by}` });
    if (m.images.registry && out.imageRegistry === null) out.imageRegistry = m.images.registry;
    for (const f of m.files) {
      if (!isSafeTargetPath(f.path)) throw new PresetError(`${loc.file}: files: ${JSON.stringify(f.path)} is not a path inside the target directory.\nfix: a pack writes only relative paths inside the repository (no ../, no absolute paths, not .git/ or .docker-scaffold*)`);
      const src = resolve(packDir, f.source);
      if (!isInside(packDir, src)) throw new PresetError(`${loc.file}: files: source ${JSON.stringify(f.source)} is outside the pack.\nfix: keep the file inside the pack folder`);
      assertContained(packDir, src, `template pack ${by}`);
      if (!existsSync(src) || !statSync(src).isFile()) throw new PresetError(`${loc.file}: files: source ${JSON.stringify(f.source)} does not exist in the pack.\nfix: add it, or remove the entry`);
      if (!out.files.some((x) => x.path === f.path)) out.files.push({ path: f.path, file: src, by });
    }
    for (const q of m.questions) if (!out.questions.some((x) => x.name === q.name)) out.questions.push({ ...q, by });
    out.records.push(record(raw, loc, m, packDir));
    const own: Base = { dir: packDir, root: loc.root, source: loc.root ? loc.source : null };
    for (const parent of m.extends) visit(parent, own, [...stack, id]);
  };
  for (const r of refs) visit(r.ref, r.base ?? { dir: ctx.cwd, root: null, source: null }, []);
  return out;
}

/** The .docker-scaffold/templates/ folder of the target, as the highest layer (or none). */
export function repoLayer(target: string): TemplateLayer[] {
  const dir = join(target, ".docker-scaffold", "templates");
  return existsSync(dir) ? [{ dir, root: dir, label: ".docker-scaffold/templates" }] : [];
}

/** Pins from a recorded `resolved:` list, keyed as LoadContext.pins (an alias stands for its location). */
export function pinsFrom(records: SourceRecord[], aliases: Record<string, string> = {}): Map<string, string> {
  const pins = new Map<string, string>();
  for (const r of records) {
    let ref: Ref;
    try {
      ref = parseRef(r.ref);
      if (ref.type === "alias" && aliases[ref.alias]) ref = parseRef(aliases[ref.alias]!);
    } catch {
      continue;
    }
    if (ref.type === "git" && r.commit) pins.set(`${ref.url}#${ref.rev ?? ""}`, r.commit);
    if (ref.type === "npm" && r.npm) pins.set(`${ref.pkg}@${ref.range ?? ""}`, r.npm);
  }
  return pins;
}

export const relPath = (from: string, to: string) => relative(from, to).split(sep).join("/");
