// Which of a list of sample paths an ignore file fails to exclude.
import type { IgnoreModel } from "../../parse/dockerignore.js";

export function notIgnored(model: IgnoreModel, samples: readonly string[]): string[] {
  return samples.filter((p) => !model.ignores(p));
}
