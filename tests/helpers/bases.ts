// The paths a run writes for these outputs: each file, and its merge base in
// .docker-scaffold/base/ (every file but .docker-scaffold.yml has one).
import { MERGE_STRATEGY, type OutputFile } from "../../src/model/plan.js";
import { basePath } from "../../src/update/records.js";

export function withBases(files: readonly OutputFile[]): string[] {
  return [...files, ...files.filter((f) => MERGE_STRATEGY[f]).map(basePath)].sort();
}
