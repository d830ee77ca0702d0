// Public API of detection (issue 4). See src/detect/README.md for the signals and policies.
import { APP_ANSWER_KEYS as ANSWER_KEYS, type PartialAnswers } from "../model/answers.js";
import type { Detection } from "./types.js";

export { detectProject, type DetectOptions } from "./detect-project.js";
export { createFsReader } from "./reader.js";
export { DETECTORS, RECOGNISED_ONLY, type LanguageDetector } from "./detectors.js";
export type { AppCandidate, DetectedAnswers, Detection, EnvVar, FileReader } from "./types.js";

/**
 * The `detect --json` shape of DESIGN.md: every answer key at the top level (null when
 * unknown), "env" as names, "evidence" per key; plus "apps", "extra" and "problems".
 */
export function toDetectJson(d: Detection): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Only what describes the app: the delivery answers (dev, buildSecrets, ci, ...) are chosen, never detected.
  for (const key of ANSWER_KEYS) out[key] = d.answers[key];
  out.env = d.env.map((v) => v.name);
  // Evidence in the order of the answer keys, then env, then extra keys.
  const order = [...ANSWER_KEYS, "env", "appPath"] as string[];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  out.evidence = Object.fromEntries(Object.entries(d.evidence).sort(([a], [b]) => rank(a) - rank(b)));
  out.apps = d.apps;
  out.extra = d.extra;
  out.problems = d.problems;
  return out;
}

/** The detected answers that are known (non-null), ready to pre-fill `init` as one answer source. */
export function toPartialAnswers(d: Detection): PartialAnswers {
  const out: PartialAnswers = {};
  for (const key of ANSWER_KEYS) {
    const value = d.answers[key];
    if (value !== null && value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
