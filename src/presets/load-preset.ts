// Presets are YAML manifests (apiVersion, kind, name, version, description, answers).
// A reference is a built-in name (`python-fastapi`, `builtin:python-fastapi`) or a
// path to a YAML file. Team references (git, npm, aliases), `extends` and policies are in
// src/packs/load.ts; a built-in preset is read here, without loading ajv.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { BUILTIN_PRESET_DIR } from "./builtin-dir.js";
import { parseAnswersYaml as parseYaml } from "./read-yaml.js";
import { PresetError } from "../errors.js";
import { ANSWER_KEYS, isAnswerKey, type PartialAnswers } from "../model/answers.js";

export interface Preset {
  name: string;
  version: string;
  description: string;
  /** "builtin" or the file path it was read from. */
  origin: string;
  answers: PartialAnswers;
}

export { BUILTIN_PRESET_DIR };

export function listBuiltinPresets(): Preset[] {
  return readdirSync(BUILTIN_PRESET_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => readPresetFile(join(BUILTIN_PRESET_DIR, f), "builtin"));
}

export function loadPreset(ref: string, cwd: string): Preset {
  const builtinName = ref.startsWith("builtin:") ? ref.slice("builtin:".length) : ref;
  if (/^[a-z0-9][a-z0-9-]*$/.test(builtinName)) {
    const file = join(BUILTIN_PRESET_DIR, `${builtinName}.yaml`);
    if (existsSync(file)) return readPresetFile(file, "builtin");
    if (ref.startsWith("builtin:") || !existsSync(resolve(cwd, ref))) {
      const names = listBuiltinPresets().map((p) => p.name);
      throw new PresetError(`Unknown preset ${JSON.stringify(ref)}.\nfix: use one of ${names.join(", ")}, or a path to a preset YAML file (see \`docker-scaffold presets\`)`);
    }
  }
  const path = isAbsolute(ref) ? ref : resolve(cwd, ref);
  if (!existsSync(path)) {
    throw new PresetError(`Preset file ${path} does not exist.\nfix: check the path, or use a built-in preset name (see \`docker-scaffold presets\`)`);
  }
  return readPresetFile(path, path);
}

function readPresetFile(path: string, origin: string): Preset {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, "utf8"));
  } catch (err) {
    throw new PresetError(`Preset ${path} is not valid YAML: ${(err as Error).message.split("\n")[0]}\nfix: correct the YAML syntax`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new PresetError(`Preset ${path} must be a YAML mapping with apiVersion, kind: Preset, name and answers.`);
  }
  const d = doc as Record<string, unknown>;
  const problems: string[] = [];
  if (d.kind !== undefined && d.kind !== "Preset") problems.push(`kind is ${JSON.stringify(d.kind)}, expected "Preset"`);
  if (typeof d.name !== "string" || !d.name) problems.push("name is missing");
  const answers = d.answers ?? {};
  if (typeof answers !== "object" || answers === null || Array.isArray(answers)) problems.push("answers must be a mapping");
  else {
    for (const key of Object.keys(answers)) {
      if (!isAnswerKey(key)) problems.push(`answers.${key} is not an answer key (known: ${ANSWER_KEYS.join(", ")})`);
    }
  }
  if (problems.length) throw new PresetError(`Preset ${path} is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return {
    name: d.name as string,
    version: typeof d.version === "string" ? d.version : "0.0.0",
    description: typeof d.description === "string" ? d.description : "",
    origin,
    answers: answers as PartialAnswers,
  };
}

/** An `--answers <file>` YAML: a mapping of answer keys (or a preset-shaped file with `answers:`). */
export function loadAnswersFile(path: string): PartialAnswers {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, "utf8"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new PresetError(`Answers file ${path} does not exist.\nfix: check the path given to --answers`);
    throw new PresetError(`Answers file ${path} is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  if (doc && typeof doc === "object" && !Array.isArray(doc) && "answers" in doc) doc = (doc as Record<string, unknown>).answers;
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new PresetError(`Answers file ${path} must be a YAML mapping of answer keys.`);
  const bad = Object.keys(doc).filter((k) => !isAnswerKey(k));
  if (bad.length) throw new PresetError(`Answers file ${path} has unknown keys: ${bad.join(", ")}\nfix: use only ${ANSWER_KEYS.join(", ")}`);
  return doc as PartialAnswers;
}
