// --json: the result as one stable JSON document.
import { countBySeverity } from "../severity.js";
import type { CheckResult } from "../types.js";

export function formatJson(result: CheckResult): string {
  return JSON.stringify({ version: 1, files: result.files, summary: countBySeverity(result.findings), findings: result.findings }, null, 2) + "\n";
}
