// SARIF 2.1.0 as GitHub code scanning reads it: rules with help and security-severity,
// results pointing at repository-relative files and 1-based lines.
import type { Log } from "sarif";
import { describe, expect, it } from "vitest";
import { checkTexts, formatSarif, RULES } from "../../src/check/index.js";

const findings = checkTexts([
  { path: "deploy/Dockerfile", text: "FROM ubuntu:latest\nRUN curl -s https://x | sh\n" },
  { path: "deploy/docker-compose.yml", text: "services:\n  app:\n    image: app\n    privileged: true\n" },
]);
const log = JSON.parse(formatSarif({ files: ["deploy/Dockerfile", "deploy/docker-compose.yml"], findings }, { toolVersion: "0.1.0" })) as Log;

describe("formatSarif", () => {
  it("is a SARIF 2.1.0 log with one run", () => {
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]?.tool.driver.name).toBe("docker-scaffold check");
    expect(log.runs[0]?.tool.driver.version).toBe("0.1.0");
  });

  it("describes each reported rule once, with help text and a security-severity", () => {
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...new Set(findings.map((f) => f.ruleId))].sort());
    for (const r of rules) {
      const meta = RULES.find((m) => m.id === r.id);
      expect(r.shortDescription?.text).toBe(meta?.title);
      expect(r.help?.markdown).toMatch(/\*\*Fix:\*\*/);
      expect(Number(r.properties?.["security-severity"])).toBeGreaterThan(0);
    }
  });

  it("puts each finding at its file and line, with a level from its severity", () => {
    const results = log.runs[0]?.results ?? [];
    expect(results).toHaveLength(findings.length);
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    results.forEach((res, i) => {
      const f = findings[i];
      const loc = res.locations?.[0]?.physicalLocation;
      expect(res.ruleId).toBe(f?.ruleId);
      expect(rules[res.ruleIndex ?? -1]?.id).toBe(f?.ruleId);
      expect(loc?.artifactLocation?.uri).toBe(f?.file);
      expect(loc?.artifactLocation?.uriBaseId).toBe("%SRCROOT%");
      expect(loc?.region?.startLine).toBe(f?.line);
      expect(["error", "warning", "note"]).toContain(res.level);
    });
    const privileged = results.find((r) => r.ruleId === "CMP-NO-PRIVILEGED");
    expect(privileged?.level).toBe("error");
    expect(privileged?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(4);
  });

  it("is valid with no findings", () => {
    const empty = JSON.parse(formatSarif({ files: [], findings: [] })) as Log;
    expect(empty.runs[0]?.results).toEqual([]);
    expect(empty.runs[0]?.tool.driver.rules).toEqual([]);
  });
});
