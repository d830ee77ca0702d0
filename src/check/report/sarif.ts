// --sarif: SARIF 2.1.0 for GitHub code scanning (results show inline on pull requests).
import type { Log, ReportingDescriptor, Result } from "sarif";
import { formatRefs } from "../explain.js";
import { ruleMeta } from "../meta.js";
import type { CheckResult, Finding, RuleMeta, Severity } from "../types.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { critical: "error", high: "error", medium: "warning", low: "note", info: "note" };
// GitHub reads `security-severity` (0-10) to rank security alerts.
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "1.0" };

export interface SarifOptions {
  toolVersion?: string;
}

export function formatSarif(result: CheckResult, options: SarifOptions = {}): string {
  const ids = [...new Set(result.findings.map((f) => f.ruleId))].sort();
  const rules = ids.map((id) => ruleMeta(id)).filter((r): r is RuleMeta => r !== undefined);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "docker-scaffold check",
            informationUri: "https://www.npmjs.com/package/docker-scaffold",
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules: rules.map(ruleDescriptor),
          },
        },
        results: result.findings.map((f) => resultOf(f, index.get(f.ruleId))),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}

function ruleDescriptor(r: RuleMeta): ReportingDescriptor {
  const refs = formatRefs(r.refs);
  return {
    id: r.id,
    name: r.id.toLowerCase().replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: r.title },
    fullDescription: { text: r.why },
    help: { text: `${r.why}\nFix: ${r.fix}${refs ? `\nSee: ${refs}` : ""}`, markdown: `${r.why}\n\n**Fix:** ${r.fix}${refs ? `\n\n**Same check elsewhere:** ${refs}` : ""}` },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: ["security", "docker", r.target], "security-severity": SECURITY_SEVERITY[r.severity], precision: "high" },
  };
}

function resultOf(f: Finding, ruleIndex: number | undefined): Result {
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: `${f.message}. Fix: ${f.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(f.file.replace(/^\.\//, "")), uriBaseId: "%SRCROOT%" },
          region: { startLine: f.line, ...(f.column ? { startColumn: f.column } : {}) },
        },
      },
    ],
    properties: { severity: f.severity, refs: f.refs },
  };
}
