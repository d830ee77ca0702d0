// `docker-scaffold check [path...]`: audit Dockerfiles, .dockerignore, compose files,
// env.example and Makefiles against the rulebook (RULEBOOK.md). Exit 1 when a finding
// is at or above --severity (default medium), 0 otherwise, 2 on usage errors.
import { checkPaths, DEFAULT_THRESHOLD, explainRuleOrThrow, failsThreshold, formatJson, formatSarif, formatText, parseSeverity } from "../../check/index.js";
import { EXIT } from "../../errors.js";
import { GENERATOR } from "../../version.js";
import type { CliIo } from "../io.js";

export interface CheckFlags {
  severity?: string;
  json?: boolean;
  sarif?: boolean;
  explain?: string;
}

/** Returns the exit code: findings are a result, not an error. */
export async function checkAction(paths: string[], f: CheckFlags, io: CliIo): Promise<number> {
  if (f.explain) {
    io.out(explainRuleOrThrow(f.explain));
    return EXIT.ok;
  }
  const threshold = f.severity === undefined ? DEFAULT_THRESHOLD : parseSeverity(f.severity);
  const result = await checkPaths({ cwd: io.cwd, paths: paths.length ? paths : undefined, severity: threshold });
  if (f.sarif) io.out(formatSarif(result, { toolVersion: GENERATOR.version }));
  else if (f.json) io.out(formatJson(result));
  else io.out(formatText(result, { severity: threshold }));
  return failsThreshold(result.findings, threshold) ? EXIT.findings : EXIT.ok;
}
