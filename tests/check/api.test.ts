import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import {
  checkPaths,
  checkTexts,
  explainRule,
  explainRuleOrThrow,
  failsThreshold,
  formatJson,
  formatText,
  parseSeverity,
  RULES,
  type Finding,
} from "../../src/check/index.js";

const BAD_DOCKERFILE = "FROM ubuntu:latest\nRUN apt-get update\nCMD python app.py\n";

function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "check-api-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("checkTexts", () => {
  it("reports findings with 1-based lines, fixes and cited ids", () => {
    const findings = checkTexts([{ path: "Dockerfile", text: BAD_DOCKERFILE }]);
    const latest = findings.find((f) => f.ruleId === "DF-BASE-NOLATEST");
    expect(latest).toMatchObject({ file: "Dockerfile", line: 1, severity: "high" });
    expect(latest?.refs.hadolint).toBe("DL3007");
    expect(latest?.fix).toMatch(/python:3.12-slim/);
    expect(findings.find((f) => f.ruleId === "DF-EXEC-FORM")?.line).toBe(3);
  });

  it("ignores files it does not know and never reports on context files", () => {
    const findings = checkTexts([
      { path: "README.md", text: "# hi" },
      { path: ".dockerignore", text: "", context: true },
    ]);
    expect(findings).toEqual([]);
  });

  it("honours inline suppressions on the line before, ours and hadolint's", () => {
    const text = "# docker-scaffold ignore=DF-BASE-NOLATEST pinned by the base team\nFROM ubuntu:latest\n# hadolint ignore=DL3025\nCMD python app.py\n";
    const ids = checkTexts([{ path: "Dockerfile", text }]).map((f) => f.ruleId);
    expect(ids).not.toContain("DF-BASE-NOLATEST");
    expect(ids).not.toContain("DF-EXEC-FORM");
    expect(ids).toContain("DF-USER-NONROOT");
  });

  it("applies config: disable, severity override, opt-in enable", () => {
    const base = checkTexts([{ path: "Dockerfile", text: BAD_DOCKERFILE }]);
    expect(base.some((f) => f.ruleId === "DF-BASE-DIGEST")).toBe(false);
    const tuned = checkTexts([{ path: "Dockerfile", text: BAD_DOCKERFILE }], {
      disable: ["DF-EXEC-FORM"],
      enable: ["DF-BASE-DIGEST"],
      severity: { "DF-BASE-NOLATEST": "low" },
    });
    expect(tuned.some((f) => f.ruleId === "DF-EXEC-FORM")).toBe(false);
    expect(tuned.some((f) => f.ruleId === "DF-BASE-DIGEST")).toBe(true);
    expect(tuned.find((f) => f.ruleId === "DF-BASE-NOLATEST")?.severity).toBe("low");
  });
});

describe("thresholds and severities", () => {
  const f = (severity: Finding["severity"]): Finding => ({ ruleId: "X", severity, file: "f", line: 1, message: "", fix: "", refs: {} });
  it("fails at or above the threshold", () => {
    expect(failsThreshold([f("low")], "medium")).toBe(false);
    expect(failsThreshold([f("medium")], "medium")).toBe(true);
    expect(failsThreshold([f("info")], "info")).toBe(true);
    expect(failsThreshold([], "info")).toBe(false);
  });
  it("rejects an unknown severity with a UsageError", () => {
    expect(() => parseSeverity("urgent")).toThrow(UsageError);
    expect(parseSeverity("high")).toBe("high");
  });
});

describe("explainRule", () => {
  it("explains a rule with why, fix and cited ids", () => {
    const text = explainRule("DF-APT-PIN") ?? "";
    expect(text).toMatch(/^DF-APT-PIN/);
    expect(text).toMatch(/Why:/);
    expect(text).toMatch(/hadolint DL3008/);
    expect(explainRule("df-apt-pin")).toBe(text);
  });
  it("returns undefined for an unknown rule, and the CLI variant throws UsageError", () => {
    expect(explainRule("NOPE")).toBeUndefined();
    expect(() => explainRuleOrThrow("NOPE")).toThrow(UsageError);
  });
  it("has unique ids and complete metadata", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.title.length).toBeGreaterThan(5);
      expect(r.why.length).toBeGreaterThan(20);
      expect(r.fix.length).toBeGreaterThan(5);
      expect(r.fix).not.toMatch(/\n/);
    }
  });
});

describe("checkPaths", () => {
  it("discovers the known files in cwd and reads .docker-scaffold.yml", async () => {
    const dir = tempProject({
      Dockerfile: BAD_DOCKERFILE,
      "api.Dockerfile": BAD_DOCKERFILE,
      "compose.yaml": "services:\n  web:\n    image: nginx:1.27\n",
      "README.md": "hello",
      ".docker-scaffold.yml": "language: python\ncheck:\n  disable: [DF-EXEC-FORM]\n",
    });
    const result = await checkPaths({ cwd: dir });
    expect(result.files).toEqual(["Dockerfile", "api.Dockerfile", "compose.yaml"]);
    expect(result.findings.some((x) => x.ruleId === "DF-EXEC-FORM")).toBe(false);
    expect(result.findings.some((x) => x.file === "api.Dockerfile")).toBe(true);
  });

  it("checks an explicit file with its siblings as context", async () => {
    const dir = tempProject({ Dockerfile: "FROM python:3.12-slim\nCOPY app.py /app/\n", ".dockerignore": "*.py\n" });
    const result = await checkPaths({ cwd: dir, paths: ["Dockerfile"] });
    expect(result.files).toEqual(["Dockerfile"]);
    const hidden = result.findings.find((x) => x.ruleId === "DI-NOT-HIDE-COPIED");
    expect(hidden).toMatchObject({ file: "Dockerfile", line: 2 });
    expect(hidden?.message).toMatch(/\.dockerignore line 1/);
  });

  it("throws UsageError for a missing path, an unknown file kind, a bad severity or config", async () => {
    const dir = tempProject({ "notes.txt": "x", ".docker-scaffold.yml": "check:\n  disable: [NOT-A-RULE]\n" });
    await expect(checkPaths({ cwd: dir, paths: ["nope"], config: {} })).rejects.toThrow(UsageError);
    await expect(checkPaths({ cwd: dir, paths: ["notes.txt"], config: {} })).rejects.toThrow(UsageError);
    await expect(checkPaths({ cwd: dir, severity: "urgent" as never, config: {} })).rejects.toThrow(UsageError);
    await expect(checkPaths({ cwd: dir })).rejects.toThrow(/unknown rule "NOT-A-RULE"/);
  });
});

describe("reports", () => {
  const result = { files: ["Dockerfile"], findings: checkTexts([{ path: "Dockerfile", text: BAD_DOCKERFILE }]) };
  it("text groups by file and ends with a summary", () => {
    const text = formatText(result, { severity: "high" });
    expect(text.split("\n")[0]).toBe("Dockerfile");
    expect(text).toMatch(/DF-BASE-NOLATEST/);
    expect(text).toMatch(/at or above high -> fail\.\n$/);
    expect(formatText({ files: ["a"], findings: [] })).toBe("1 file checked, no findings.\n");
  });
  it("json round-trips the findings", () => {
    const parsed = JSON.parse(formatJson(result)) as { findings: Finding[]; summary: Record<string, number> };
    expect(parsed.findings).toEqual(result.findings);
    expect(parsed.summary.high).toBeGreaterThan(0);
  });
});
