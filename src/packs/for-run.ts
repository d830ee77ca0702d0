// What a run of init/update takes from presets and template packs: the preset (built-in,
// or loaded with its extends chain), the packs (--template, the preset's templates:, the
// recorded ones, the user config's defaults), the template layers, the policies, and
// what .docker-scaffold.yml records of them.
import { existsSync, lstatSync, readFileSync, realpathSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { PresetError } from "../errors.js";
import type { Sharing } from "../model/plan.js";
import type { Recorded } from "../init/recorded.js";
import { loadPreset } from "../presets/load-preset.js";
import { EMPTY_PACKS, loadContext, loadPackRefs, loadPresetRef, pinsFrom, relPath, repoLayer, type EffectivePreset, type LockedAnswer, type RegistryPolicy } from "./load.js";
import type { PackQuestion } from "./manifest.js";
import type { NpmFetcher } from "./npm.js";
import { parseRef } from "./ref.js";
import { isInside } from "./safe-walk.js";

export interface SharingOptions {
  cwd: string;
  dir: string;
  recorded: Recorded | null;
  /** --preset */
  preset?: string;
  /** --template (repeatable) */
  templates?: string[];
  offline?: boolean;
  refresh?: boolean;
  npm?: NpmFetcher;
  env?: NodeJS.ProcessEnv;
}

export interface TeamRun {
  preset: EffectivePreset | null;
  /** What .docker-scaffold.yml records as the preset's source (a built-in has none). */
  presetSource: string | undefined;
  /** Whether the preset was named on the command line (its answers then rank above the recorded ones). */
  presetFromCli: boolean;
  locked: LockedAnswer[];
  registryPolicies: RegistryPolicy[];
  sharing: Sharing | undefined;
  /** The packs' questions (prepare answers them: --value, the preset's values, the record, a prompt, the default). */
  questions: (PackQuestion & { by: string })[];
}

/** A reference as recorded in dir/.docker-scaffold.yml: a path is made relative to dir. */
export function recordedRef(raw: string, from: string, dir: string): string {
  let ref;
  try {
    ref = parseRef(raw);
  } catch {
    return raw;
  }
  if (ref.type !== "path") return raw;
  const abs = ref.path.startsWith("~/") ? join(homedir(), ref.path.slice(2)) : resolve(from, ref.path);
  const rel = relPath(dir, abs);
  let plain = false;
  try {
    plain = parseRef(rel).type === "path";
  } catch {
    plain = false;
  }
  return plain || isAbsolute(rel) ? rel : `./${rel}`;
}

export function resolveTeam(o: SharingOptions): TeamRun {
  const ctx = loadContext({ cwd: o.cwd, target: o.dir, offline: o.offline, refresh: o.refresh, npm: o.npm, env: o.env });
  if (!o.refresh) for (const [k, v] of pinsFrom(o.recorded?.resolved ?? [], ctx.config.aliases)) ctx.pins.set(k, v);

  // The preset: the command line's, else the recorded one, else (first run) the configured default.
  const fromCli = o.preset !== undefined;
  const presetRef = o.preset ?? o.recorded?.preset ?? (!o.recorded ? (ctx.config.defaultPreset ?? undefined) : undefined);
  const presetBase = fromCli || !o.recorded?.preset ? o.cwd : o.dir;
  let preset: EffectivePreset | null = null;
  let presetSource: string | undefined;
  if (presetRef !== undefined) {
    if (parseRef(presetRef).type === "builtin") {
      // A built-in preset: read without the schema validator (the built-ins are tested).
      const p = loadPreset(presetRef, presetBase);
      preset = { ...p, builtin: true, values: {}, locked: [], registryPolicies: [], packs: [], records: [] };
    } else {
      preset = loadPresetRef(presetRef, ctx, { dir: presetBase, root: null, source: null });
      presetSource = recordedRef(presetRef, presetBase, o.dir);
    }
  }

  const templateRefs = o.templates?.length ? o.templates : (o.recorded?.templates ?? (!o.recorded ? ctx.config.defaultTemplates : []));
  const templateBase = o.templates?.length || !o.recorded?.templates ? o.cwd : o.dir;
  const packRefs = [...templateRefs.map((ref) => ({ ref, base: { dir: templateBase, root: null, source: null } })), ...(preset?.packs ?? [])];
  const packs = packRefs.length ? loadPackRefs(packRefs, ctx) : EMPTY_PACKS;
  for (const f of packs.files) assertTargetPath(o.dir, f.path, f.by);
  const layers = [...repoLayer(o.dir), ...packs.layers];
  const templates = templateRefs.map((r) => recordedRef(r, templateBase, o.dir));
  // The references given here are recorded as .docker-scaffold.yml will find them again.
  const top = new Map<string, string>(templateRefs.map((r, i) => [r, templates[i]!]));
  if (presetRef !== undefined && presetSource !== undefined) top.set(presetRef, presetSource);
  const resolved = [...(preset?.records ?? []), ...packs.records].map((r) => (top.has(r.ref) ? { ...r, ref: top.get(r.ref)! } : r));
  const sharing: Sharing | undefined =
    layers.length || resolved.length || templates.length
      ? { layers, imageRegistry: packs.imageRegistry, templates, resolved, files: packs.files.map((f) => ({ path: f.path, file: f.file, source: readFileSync(f.file, "utf8") })) }
      : undefined;
  return {
    preset,
    presetSource,
    presetFromCli: fromCli,
    locked: preset?.locked ?? [],
    registryPolicies: [...(preset?.registryPolicies ?? []), ...packs.registryPolicies],
    sharing,
    questions: packs.questions,
  };
}

/** A pack's file may not reach out of the target through a symlinked folder (or be a symlink itself). */
function assertTargetPath(dir: string, path: string, by: string): void {
  if (!existsSync(dir)) return;
  const root = realpathSync(dir);
  let at = dir;
  for (const seg of path.split("/")) {
    at = join(at, seg);
    let st;
    try {
      st = lstatSync(at);
    } catch {
      return;
    }
    if (st.isSymbolicLink()) {
      const real = realpathSync(at);
      if (!isInside(root, real)) throw new PresetError(`template pack ${by}: ${path} would be written through the symlink ${at} to ${real}, outside ${dir}.\nfix: remove the symlink, or drop the file from the pack`);
    }
  }
}
