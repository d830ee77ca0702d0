// Reading .docker-scaffold.yml back: the preset, the explicit answers and --only of the
// last run, so that `--yes` reproduces it.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseAnswersYaml as parseYaml } from "../presets/read-yaml.js";
import { PresetError } from "../errors.js";
import { isAnswerKey, type PartialAnswers } from "../model/answers.js";
import { ANSWERS_FILE } from "../render/answers-file.js";

export interface Recorded {
  preset: string | null;
  answers: PartialAnswers;
  only: string[] | null;
  /** Other top-level keys (e.g. `check:` settings): kept when the file is written again. */
  extra: Record<string, unknown>;
}

const OWN_KEYS = ["apiVersion", "kind", "generator", "preset", "answers", "only"];

export async function readRecorded(dir: string): Promise<Recorded | null> {
  const path = join(dir, ANSWERS_FILE);
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
  if (doc === null || doc === undefined) return { preset: null, answers: {}, only: null, extra: {} };
  if (typeof doc !== "object" || Array.isArray(doc)) throw new PresetError(`${path} must be a YAML mapping (apiVersion, preset, answers).`);
  const d = doc as Record<string, unknown>;
  const answers = (d.answers ?? {}) as Record<string, unknown>;
  if (typeof answers !== "object" || Array.isArray(answers)) throw new PresetError(`${path}: answers must be a mapping of answer keys.`);
  const unknown = Object.keys(answers).filter((k) => !isAnswerKey(k));
  if (unknown.length) throw new PresetError(`${path}: unknown answer keys ${unknown.join(", ")}\nfix: remove them (see DESIGN.md for the keys)`);
  const preset = d.preset && typeof d.preset === "object" ? (d.preset as Record<string, unknown>).name : d.preset;
  return {
    preset: typeof preset === "string" ? preset : null,
    answers: answers as PartialAnswers,
    only: Array.isArray(d.only) ? d.only.map(String) : null,
    extra: Object.fromEntries(Object.entries(d).filter(([k]) => !OWN_KEYS.includes(k))),
  };
}
