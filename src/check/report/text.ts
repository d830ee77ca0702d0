// The human report: findings grouped by file, then a summary line.
import { formatRefs } from "../explain.js";
import { atOrAbove, countBySeverity, DEFAULT_THRESHOLD } from "../severity.js";
import { SEVERITIES, type CheckResult, type Severity } from "../types.js";

export interface TextOptions {
  /** Failing threshold, shown in the summary (default medium). */
  severity?: Severity;
  /** Hide findings below this level (default: show all). */
  minSeverity?: Severity;
}

export function formatText(result: CheckResult, options: TextOptions = {}): string {
  const threshold = options.severity ?? DEFAULT_THRESHOLD;
  const shown = result.findings.filter((f) => !options.minSeverity || atOrAbove(f.severity, options.minSeverity));
  const out: string[] = [];
  const byFile = new Map<string, typeof shown>();
  for (const f of shown) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    out.push(file);
    for (const f of findings) {
      const loc = `${f.line}${f.column ? `:${f.column}` : ""}`;
      out.push(`  ${loc.padEnd(6)} ${f.severity.padEnd(8)} ${f.ruleId}  ${f.message}`);
      out.push(`         fix: ${f.fix}`);
      const refs = formatRefs(f.refs);
      if (refs) out.push(`         see: ${refs}`);
    }
    out.push("");
  }
  const counts = countBySeverity(result.findings);
  const failing = result.findings.filter((f) => atOrAbove(f.severity, threshold)).length;
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const files = `${result.files.length} file${result.files.length === 1 ? "" : "s"} checked`;
  if (result.findings.length === 0) out.push(`${files}, no findings.`);
  else out.push(`${files}: ${result.findings.length} finding${result.findings.length === 1 ? "" : "s"} (${parts.join(", ")}); ${failing} at or above ${threshold}${failing ? " -> fail" : " -> pass"}.`);
  return out.join("\n") + "\n";
}
