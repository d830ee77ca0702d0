// Locating a reference: a built-in preset, a file or folder on disk, a git checkout or an
// npm package (fetched into the cache), or an alias of the user config; then the manifest
// it stands for. Inside a fetched source a relative reference stays inside that source.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { PresetError } from "../errors.js";
import { parseAnswersYaml } from "../presets/read-yaml.js";
import { BUILTIN_PRESET_DIR } from "../presets/builtin-dir.js";
import { gitCheckout } from "./git.js";
import type { LoadContext } from "./load.js";
import { checkManifest, type PackManifest, type PresetManifest } from "./manifest.js";
import { resolveNpm } from "./npm.js";
import { parseRef } from "./ref.js";
import { assertContained, isInside, listFiles } from "./safe-walk.js";

/** Where a reference is read relative to: a folder, and (inside a fetched source) the root it may not leave. */
export interface Base {
  dir: string;
  root: string | null;
  /** The fetched source this base belongs to, for relative references inside it. */
  source: Located["source"] | null;
}

export interface Located {
  /** The manifest file (a preset's YAML, a pack's pack.yaml). */
  file: string;
  /** The folder it is in. */
  dir: string;
  /** The root a relative reference inside it may not leave (null: the user's own disk). */
  root: string | null;
  source: { type: "builtin" | "local" | "git" | "npm"; commit?: string; npm?: string };
}

const show = (ref: string) => JSON.stringify(ref);

export function locate(raw: string, base: Base, ctx: LoadContext, expected: "Preset" | "TemplatePack", aliasDepth = 0): Located {
  const ref = parseRef(raw);
  switch (ref.type) {
    case "builtin": {
      if (expected === "TemplatePack") throw new PresetError(`${show(raw)}: there are no built-in template packs.\nfix: give a path, npm: or git reference to a pack`);
      const file = join(BUILTIN_PRESET_DIR, `${ref.name}.yaml`);
      if (!existsSync(file)) throw new PresetError(`Unknown preset ${show(raw)}.\nfix: use a name from \`docker-scaffold presets\`, or a path, npm: or git reference`);
      return { file, dir: BUILTIN_PRESET_DIR, root: null, source: { type: "builtin" } };
    }
    case "path": {
      let path = ref.path.startsWith("~/") ? join(homedir(), ref.path.slice(2)) : ref.path;
      if (base.root !== null && isAbsolute(path)) throw new PresetError(`${show(raw)}: an absolute path inside a fetched preset or pack is refused.\nfix: use a path relative to the file, inside its source`);
      path = resolve(base.dir, path);
      if (base.root !== null) {
        if (!isInside(base.root, path)) throw new PresetError(`${show(raw)} leads outside its source (${base.root}).\nfix: a reference inside a fetched preset or pack stays inside it (no ../ out of it)`);
        assertContained(base.root, path, show(raw));
      }
      if (!existsSync(path)) throw new PresetError(`${expected === "Preset" ? "Preset" : "Template pack"} ${path} does not exist (from ${show(raw)}).\nfix: check the path`);
      const found = manifestAt(path, expected, raw);
      return { file: found, dir: dirname(found), root: base.root, source: base.source ?? { type: "local" } };
    }
    case "git": {
      const key = `${ref.url}#${ref.rev ?? ""}`;
      const { dir, commit } = gitCheckout(ref.url, ref.rev, ctx.pins.get(key) ?? null, ctx.mode);
      ctx.pins.set(key, commit);
      return named(dir, ref.subdir, null, raw, expected, { type: "git", commit });
    }
    case "npm": {
      const key = `${ref.pkg}@${ref.range ?? ""}`;
      const found = resolveNpm(ref.pkg, ref.range, ctx.pins.get(key) ?? null, ctx.target, ctx.mode, ctx.npm);
      ctx.pins.set(key, found.version);
      return named(found.dir, null, ref.name, raw, expected, { type: "npm", npm: found.version });
    }
    case "alias": {
      const target = ctx.config.aliases[ref.alias];
      if (target === undefined) {
        const known = Object.keys(ctx.config.aliases);
        throw new PresetError(`${show(raw)}: no alias ${show(ref.alias)} in ${ctx.config.file ?? "the user config (none found)"}.\nfix: ${known.length ? `use one of ${known.map((k) => `${k}:`).join(", ")}, or ` : ""}add aliases: {${ref.alias}: <gh:org/repo | npm:package>} to the config file`);
      }
      if (aliasDepth > 0) throw new PresetError(`Alias ${ref.alias}: points to another alias (${target}).\nfix: point it at a gh:, git+ or npm: location`);
      const inner = parseRef(target);
      if (!ref.name) return locate(target, base, ctx, expected, aliasDepth + 1);
      // <alias>:<name>: the named preset or pack inside the alias's location.
      switch (inner.type) {
        case "git": {
          const key = `${inner.url}#${inner.rev ?? ""}`;
          const { dir, commit } = gitCheckout(inner.url, inner.rev, ctx.pins.get(key) ?? null, ctx.mode);
          ctx.pins.set(key, commit);
          return named(dir, inner.subdir, ref.name, raw, expected, { type: "git", commit });
        }
        case "npm": {
          const key = `${inner.pkg}@${inner.range ?? ""}`;
          const found = resolveNpm(inner.pkg, inner.range, ctx.pins.get(key) ?? null, ctx.target, ctx.mode, ctx.npm);
          ctx.pins.set(key, found.version);
          return named(found.dir, null, inner.name ? `${inner.name}/${ref.name}` : ref.name, raw, expected, { type: "npm", npm: found.version });
        }
        case "path": {
          const dir = resolve(ctx.cwd, inner.path.startsWith("~/") ? join(homedir(), inner.path.slice(2)) : inner.path);
          if (!existsSync(dir)) throw new PresetError(`Alias ${ref.alias}: ${dir} does not exist.\nfix: correct the alias in ${ctx.config.file}`);
          const hit = named(dir, null, ref.name, raw, expected, { type: "local" });
          return { ...hit, root: null };
        }
        default:
          throw new PresetError(`Alias ${ref.alias}: ${show(target)} is not a git, npm or folder location.\nfix: point it at gh:, git+https://, npm: or a folder`);
      }
    }
  }
}

/** Inside a fetched root: the sub-folder, then the named preset or pack in it, or its own manifest. */
function named(root: string, subdir: string | null, name: string | null, raw: string, expected: "Preset" | "TemplatePack", source: Located["source"]): Located {
  const realRoot = realpathSync(root);
  const dir = subdir ? join(realRoot, subdir) : realRoot;
  if (subdir) {
    assertContained(realRoot, dir, show(raw));
    if (!existsSync(dir)) throw new PresetError(`${show(raw)}: no ${subdir} in the source.\nfix: check the //sub-folder`);
  }
  let path = dir;
  if (name) {
    const candidates = expected === "Preset" ? [`${name}.yaml`, `${name}.yml`, name, `presets/${name}.yaml`, `presets/${name}`] : [name, `packs/${name}`];
    const hit = candidates.map((c) => join(dir, c)).find((p) => existsSync(p));
    if (!hit) throw new PresetError(`${show(raw)}: no ${expected === "Preset" ? "preset" : "template pack"} named ${show(name)} in ${dir} (looked for ${candidates.join(", ")}).\nfix: check the name`);
    assertContained(realRoot, hit, show(raw));
    path = hit;
  }
  const file = manifestAt(path, expected, raw);
  return { file, dir: dirname(file), root: realRoot, source };
}

/** The manifest a path stands for: a YAML file itself, or pack.yaml / preset.yaml in a folder. */
function manifestAt(path: string, expected: "Preset" | "TemplatePack", raw: string): string {
  if (!statSync(path).isDirectory()) return path;
  const order = expected === "Preset" ? ["preset.yaml", "pack.yaml"] : ["pack.yaml", "preset.yaml"];
  const hit = order.map((f) => join(path, f)).find((p) => existsSync(p));
  if (!hit) throw new PresetError(`${show(raw)}: ${path} has no ${order[0]}.\nfix: a ${expected === "Preset" ? "preset folder holds preset.yaml" : "template pack is a folder with pack.yaml and templates/"}`);
  return hit;
}

export function readManifest(file: string, expected: "Preset" | "TemplatePack"): PresetManifest | PackManifest {
  let doc: unknown;
  try {
    doc = parseAnswersYaml(readFileSync(file, "utf8"));
  } catch (err) {
    throw new PresetError(`${file} is not valid YAML: ${(err as Error).message.split("\n")[0]}\nfix: correct the YAML syntax`);
  }
  return checkManifest(doc, file, expected);
}

export function hashPath(path: string): string {
  const h = createHash("sha256");
  if (statSync(path).isDirectory()) {
    for (const f of listFiles(path, "", path)) h.update(f).update("\0").update(readFileSync(join(path, f))).update("\0");
  } else h.update(readFileSync(path));
  return h.digest("hex");
}
