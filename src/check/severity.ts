// Severity ordering, parsing and the failing threshold.
import { UsageError } from "../errors.js";
import { SEVERITIES, type Finding, type Severity } from "./types.js";

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

export const DEFAULT_THRESHOLD: Severity = "medium";

export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}

/** Parse a user-supplied severity (flag or config); a bad one is a usage error (exit 2). */
export function parseSeverity(value: unknown, where = "--severity"): Severity {
  if (isSeverity(value)) return value;
  throw new UsageError(`${where}: unknown severity ${JSON.stringify(value)}; use one of ${SEVERITIES.join(", ")}`);
}

/** Negative when a is more severe than b. */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}

export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] <= RANK[threshold];
}

/** True when any finding is at or above the threshold: `check` then exits 1. */
export function failsThreshold(findings: readonly Finding[], severity: Severity = DEFAULT_THRESHOLD): boolean {
  return findings.some((f) => atOrAbove(f.severity, severity));
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
