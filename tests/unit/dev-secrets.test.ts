// Issue 9's answers: `dev` and `buildSecrets` are validated, decide which files are written,
// and a build secret never becomes an ARG, ENV or --build-arg.
import { describe, expect, it } from "vitest";
import { AnswersError } from "../../src/errors.js";
import { runInit } from "../../src/init/run-init.js";
import { resolveAnswers } from "../../src/model/resolve.js";
import { checkTexts } from "../../src/check/index.js";
import { tempDir } from "../helpers/tmp.js";

const resolve = (answers: Record<string, unknown>) =>
  resolveAnswers([{ source: "flag", explicit: true, answers }], { dirName: "app" });

describe("answers dev and buildSecrets", () => {
  it("default to false", () => {
    const { answers } = resolve({ language: "python", framework: "flask" });
    expect(answers.dev).toBe(false);
    expect(answers.buildSecrets).toBe(false);
  });

  it("must be true or false", () => {
    expect(() => resolve({ language: "node", framework: "express", dev: "yes", buildSecrets: 1 })).toThrow(AnswersError);
    try {
      resolve({ language: "node", framework: "express", dev: "yes" });
    } catch (err) {
      expect((err as AnswersError).problems.map((p) => p.key)).toEqual(["dev"]);
    }
  });

  it("buildSecrets is refused for Poetry (credentials per source name), with the fix", () => {
    try {
      resolve({ language: "python", framework: "fastapi", packageManager: "poetry", buildSecrets: true });
      expect.unreachable();
    } catch (err) {
      const p = (err as AnswersError).problems.find((x) => x.key === "buildSecrets")!;
      expect(p.message).toMatch(/not wired for "poetry"/);
      expect(p.fix).toMatch(/buildSecrets=false/);
    }
  });
});

describe("which files", () => {
  it("docker-compose.dev.yml is written only with dev, and --only can name it", async () => {
    const off = await runInit({ dir: tempDir(), preset: "node-express", dryRun: true });
    expect(off.files.map((f) => f.path)).not.toContain("docker-compose.dev.yml");
    const on = await runInit({ dir: tempDir(), preset: "node-express", flags: { dev: true }, dryRun: true });
    expect(on.files.map((f) => f.path)).toContain("docker-compose.dev.yml");
    const only = await runInit({ dir: tempDir(), preset: "node-express", flags: { dev: true }, only: ["Dockerfile,docker-compose.dev.yml"], dryRun: true });
    expect(only.files.map((f) => f.path)).toEqual(["Dockerfile", "docker-compose.dev.yml"]);
  });

  it("the dev stage comes before the final stage, which stays last (a plain build is production)", async () => {
    for (const preset of ["python-fastapi", "node-nestjs", "go-http"]) {
      const r = await runInit({ dir: tempDir(), preset, flags: { dev: true }, dryRun: true });
      const dockerfile = r.decisions.find((d) => d.path === "Dockerfile")!.next;
      const stages = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
      expect(stages).toContain("dev");
      expect(stages.at(-1)).toBe("runtime");
      const makefile = r.decisions.find((d) => d.path === "Makefile")!.next;
      // Production's compose-up never names the dev file; make dev does.
      expect(/^compose-up:.*\n(\t.*\n)*/m.exec(makefile)![0]).not.toContain("docker-compose.dev.yml");
      expect(makefile).toMatch(/^COMPOSE_DEV = \$\(COMPOSE\) -f docker-compose.yml -f docker-compose.dev.yml$/m);
    }
  });

  it("a build secret is a --mount=type=secret, never an ARG, ENV or --build-arg, and check finds nothing", async () => {
    for (const preset of ["node-express", "python-flask", "go-http"]) {
      const r = await runInit({ dir: tempDir(), preset, flags: { buildSecrets: true, dev: true }, dryRun: true });
      const files = Object.fromEntries(r.decisions.map((d) => [d.path, d.next]));
      expect(files.Dockerfile).toMatch(/--mount=type=secret,id=(npmrc|pip_index_url|netrc)/);
      expect(files.Dockerfile).not.toMatch(/^(ARG|ENV) \S*(TOKEN|SECRET|PASSWORD|NPMRC|NETRC|INDEX_URL)/im);
      expect(files.Makefile).toMatch(/--secret id=\w+\$\(comma\)src=/);
      expect(files.Makefile).not.toMatch(/--build-arg \w*(TOKEN|SECRET|NPMRC|NETRC|INDEX)/);
      const findings = checkTexts(Object.entries(files).map(([path, text]) => ({ path, text })));
      expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
    }
  });
});
