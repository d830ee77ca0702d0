// The user's configuration: $XDG_CONFIG_HOME/docker-scaffold/config.yaml (default
// ~/.config/docker-scaffold/config.yaml; DOCKER_SCAFFOLD_CONFIG names another file).
//   aliases:   { acme: "gh:acme/docker-standards#v2" }   acme:<name> -> a name in that location
//   presets:   [ "acme:python-api" ]                      listed by `docker-scaffold presets`
//   default:   { preset: "acme:python-api", templates: ["acme:pack"] }   used by init when none is given or recorded
// And where fetched presets and packs are cached: $XDG_CACHE_HOME/docker-scaffold
// (DOCKER_SCAFFOLD_CACHE_DIR overrides it).
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { PresetError } from "../errors.js";

export interface UserConfig {
  file: string | null;
  aliases: Record<string, string>;
  presets: string[];
  defaultPreset: string | null;
  defaultTemplates: string[];
}

export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOCKER_SCAFFOLD_CONFIG) return env.DOCKER_SCAFFOLD_CONFIG;
  const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(base, "docker-scaffold", "config.yaml");
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOCKER_SCAFFOLD_CACHE_DIR) return env.DOCKER_SCAFFOLD_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "docker-scaffold");
}

const EMPTY: UserConfig = { file: null, aliases: {}, presets: [], defaultPreset: null, defaultTemplates: [] };

export function loadUserConfig(env: NodeJS.ProcessEnv = process.env): UserConfig {
  const file = configFile(env);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return EMPTY;
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new PresetError(`${file} is not valid YAML: ${(err as Error).message.split("\n")[0]}\nfix: correct it`);
  }
  if (doc === null || doc === undefined) return { ...EMPTY, file };
  const problems: string[] = [];
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isMap(doc)) throw new PresetError(`${file} must be a YAML mapping (aliases, presets, default).`);
  const aliases: Record<string, string> = {};
  if (doc.aliases !== undefined) {
    if (!isMap(doc.aliases)) problems.push("aliases must be a mapping of name: reference");
    else
      for (const [k, v] of Object.entries(doc.aliases)) {
        if (!/^[a-z0-9][a-z0-9-]*$/.test(k) || ["builtin", "npm", "gh", "git", "file", "http", "https"].includes(k)) problems.push(`aliases.${k}: not a usable alias name (lower-case letters, digits and -; not a scheme)`);
        else if (typeof v !== "string") problems.push(`aliases.${k}: must be a reference (gh:..., npm:..., git+https://...)`);
        else aliases[k] = v;
      }
  }
  const list = (v: unknown, key: string): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
      problems.push(`${key} must be a list of references`);
      return [];
    }
    return v as string[];
  };
  const presets = list(doc.presets, "presets");
  let defaultPreset: string | null = null;
  let defaultTemplates: string[] = [];
  if (doc.default !== undefined && doc.default !== null) {
    if (!isMap(doc.default)) problems.push("default must be a mapping (preset, templates)");
    else {
      if (doc.default.preset !== undefined && typeof doc.default.preset !== "string") problems.push("default.preset must be a reference");
      else if (typeof doc.default.preset === "string") defaultPreset = doc.default.preset;
      defaultTemplates = list(doc.default.templates, "default.templates");
    }
  }
  for (const k of Object.keys(doc)) if (!["aliases", "presets", "default"].includes(k)) problems.push(`${k}: unknown setting (known: aliases, presets, default)`);
  if (problems.length) throw new PresetError(`${file} is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return { file, aliases, presets, defaultPreset, defaultTemplates };
}
