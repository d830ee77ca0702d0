// `docker-scaffold check` through the CLI: exit codes 0/1/2 and the three output formats.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

const NAIVE = "FROM python:latest\nCOPY . .\nRUN pip install -r requirements.txt\nCMD python app.py\n";

describe("docker-scaffold check", () => {
  it("exits 0 on what init generated, and 1 on a naive Dockerfile", async () => {
    const dir = tempDir();
    expect((await runCliCaptured(["init", "--preset", "go-http", "--yes"], dir)).code).toBe(0);
    const clean = await runCliCaptured(["check", "--severity", "info"], dir);
    expect(clean.stdout).toMatch(/no findings/);
    expect(clean.code).toBe(0);

    const bad = tempDir();
    writeFileSync(join(bad, "Dockerfile"), NAIVE);
    const r = await runCliCaptured(["check"], bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/DF-BASE-NOLATEST/);
    expect(r.stdout).toMatch(/DF-USER-NONROOT/);
  });

  it("--severity critical passes a file whose worst finding is high", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), NAIVE);
    const r = await runCliCaptured(["check", "--severity", "critical", "--json"], dir);
    const findings = JSON.parse(r.stdout).findings as { severity: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.some((f) => f.severity === "critical")).toBe(false);
    expect(r.code).toBe(0);
  });

  it("--sarif is SARIF 2.1.0 with a result per finding", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), NAIVE);
    const r = await runCliCaptured(["check", "--sarif", "Dockerfile"], dir);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(r.code).toBe(1);
  });

  it("usage errors exit 2: unknown severity, unknown rule, missing path", async () => {
    const dir = tempDir();
    expect((await runCliCaptured(["check", "--severity", "severe"], dir)).code).toBe(2);
    const explain = await runCliCaptured(["check", "--explain", "NO-SUCH-RULE"], dir);
    expect(explain.code).toBe(2);
    expect(explain.stderr).toMatch(/NO-SUCH-RULE/);
    expect((await runCliCaptured(["check", "missing/Dockerfile"], dir)).code).toBe(2);
  });

  it("--explain prints the rule, why, and the ids other tools use", async () => {
    const r = await runCliCaptured(["check", "--explain", "CMP-NO-DOCKER-SOCKET"], tempDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CMP-NO-DOCKER-SOCKET/);
    expect(r.stdout).toMatch(/5\.32/);
  });
});
