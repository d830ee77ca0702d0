// The generated GitHub Actions workflow (issue 9), for a Python, a Node.js and a Go preset:
// - valid against SchemaStore's github-workflow schema (ajv) and @action-validator/core;
// - every `run:` step passes shellcheck (bash, as GitHub runs it);
// - every `uses:` is pinned to a 40-hex commit with its version as a comment, from CI_ACTIONS;
// - permissions are least-privilege per job, and nothing that can write runs for a pull request.
// The workflow never runs here (no GitHub): this is what can be proven offline.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runInit } from "../../src/init/run-init.js";
import { CI_ACTIONS } from "../../src/model/ci-actions.js";
import { classifyFile } from "../../src/check/targets.js";
import { AnswersError, UsageError } from "../../src/errors.js";
import { tempDir } from "../helpers/tmp.js";

const require = createRequire(import.meta.url);
const { validateWorkflow } = require("@action-validator/core") as { validateWorkflow: (src: string) => { errors: unknown[] } };
const SCHEMAS = join(import.meta.dirname, "schemas");
const WORKFLOW = ".github/workflows/docker.yml";

interface Step { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown> }
interface Job { permissions?: Record<string, string>; if?: string; steps: Step[]; needs?: string[] }
interface Workflow { on: Record<string, unknown>; permissions: Record<string, string>; concurrency: Record<string, unknown>; env: Record<string, string>; jobs: Record<string, Job> }

async function render(preset: string, extra: string[] = []): Promise<Record<string, string>> {
  const { renderCaseArgs } = await import("../golden/render-case.js");
  const result = await runInit({ dir: tempDir("ci-"), dryRun: true, ...renderCaseArgs(["--preset", preset, "--yes", "--name", "app", "--ci", "github", ...extra]) });
  return Object.fromEntries(result.decisions.map((d) => [d.path, d.next]));
}

const validateSchema = (() => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, "github-workflow.json"), "utf8")));
})();

describe.each(["python-fastapi", "node-express", "go-http"])("the workflow for %s", (preset) => {
  let text = "";
  let wf: Workflow;
  it("renders", async () => {
    text = (await render(preset))[WORKFLOW]!;
    wf = parse(text) as Workflow;
    expect(Object.keys(wf.jobs)).toEqual(["lint", "build", "publish"]);
  });

  it("is valid against SchemaStore's github-workflow schema (ajv)", () => {
    const ok = validateSchema(parse(text));
    expect(validateSchema.errors ?? [], JSON.stringify(validateSchema.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it("passes @action-validator/core (schema, globs, needs)", () => {
    expect(validateWorkflow(text).errors).toEqual([]);
  });

  it("has run: steps that pass shellcheck (bash, as the runner runs them)", () => {
    const runs = Object.values(wf.jobs).flatMap((j) => j.steps.filter((s) => s.run).map((s) => s.run!));
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const body of runs) {
      // No ${{ }} inside a script: an expression there is a script-injection risk.
      expect(body).not.toContain("${{");
      const r = spawnSync("shellcheck", ["-s", "bash", "-"], { input: `${body}\n`, encoding: "utf8" });
      if (r.error) throw new Error("shellcheck is not installed (apt-get install shellcheck)");
      expect(r.stdout, body).toBe("");
      expect(r.status).toBe(0);
    }
  });

  it("pins every action to a 40-hex commit with its version as a comment, from CI_ACTIONS", () => {
    const uses = text.split("\n").filter((l) => /^\s*(-\s+)?uses:/.test(l));
    expect(uses.length).toBeGreaterThanOrEqual(10);
    const table = Object.values(CI_ACTIONS);
    for (const line of uses) {
      const m = /uses: ([^@\s]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$/.exec(line);
      expect(m, line).not.toBeNull();
      expect(table.some((a) => a.uses === m![1] && a.sha === m![2] && a.version === m![3]), line).toBe(true);
    }
    for (const a of table) expect(a.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it("grants least privilege: contents: read, then per job only what it uses", () => {
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.lint!.permissions).toEqual({ contents: "read", "security-events": "write" });
    expect(wf.jobs.build!.permissions).toEqual({ contents: "read", "security-events": "write" });
    expect(wf.jobs.publish!.permissions).toEqual({ contents: "read", packages: "write" });
    // security-events: write is used by upload-sarif; the token of a fork's pull request is read-only anyway.
    for (const job of [wf.jobs.lint!, wf.jobs.build!]) expect(job.steps.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))).toBe(true);
    // No attestation through GitHub's API: SBOM and provenance are BuildKit attestations pushed with the image.
    expect(text).not.toMatch(/id-token|attestations:|write-all/);
  });

  it("never publishes from a pull request (forks included) and cancels superseded runs", () => {
    expect(Object.keys(wf.on).sort()).toEqual(["pull_request", "push", "workflow_dispatch"]);
    expect(text).not.toContain("pull_request_target");
    const publish = wf.jobs.publish!;
    expect(publish.if).toMatch(/^\$\{\{ github\.event_name == 'push' && \(startsWith\(github\.ref, 'refs\/tags\/v'\)/);
    expect(publish.needs).toEqual(["lint", "build"]);
    // The only job that logs in or pushes is publish.
    for (const [name, job] of Object.entries(wf.jobs)) {
      const pushes = job.steps.some((s) => s.uses?.startsWith("docker/login-action@") || s.with?.push === true);
      expect(pushes, name).toBe(name === "publish");
    }
    // Code scanning uploads skip forks' and Dependabot's pull requests (their token cannot write).
    for (const s of Object.values(wf.jobs).flatMap((j) => j.steps).filter((s) => s.uses?.includes("upload-sarif"))) {
      expect(s.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    }
    expect(wf.concurrency).toEqual({ group: "${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}", "cancel-in-progress": true });
  });

  it("builds with Buildx and the GHA cache, checks, scans and publishes as issue 9 asks", () => {
    const steps = Object.fromEntries(Object.entries(wf.jobs).map(([k, j]) => [k, j.steps]));
    expect(steps.lint!.some((s) => s.run === "docker buildx build --check .")).toBe(true);
    expect(steps.lint!.some((s) => s.uses?.startsWith("hadolint/hadolint-action@") && s.with?.format === "sarif")).toBe(true);
    expect(steps.lint!.some((s) => /^npx --yes docker-scaffold@\d+\.\d+\.\d+ check --sarif > docker-scaffold\.sarif$/.test(s.run ?? ""))).toBe(true);
    const trivy = steps.build!.find((s) => s.uses?.startsWith("aquasecurity/trivy-action@"))!;
    expect(trivy.with).toMatchObject({ severity: "CRITICAL,HIGH", "exit-code": "1", format: "sarif" });
    const scanBuild = steps.build!.find((s) => s.uses?.startsWith("docker/build-push-action@"))!;
    expect(scanBuild.with).toMatchObject({ load: true, push: false, "cache-from": "type=gha", "cache-to": "type=gha,mode=max" });
    const push = steps.publish!.find((s) => s.uses?.startsWith("docker/build-push-action@"))!;
    expect(push.with).toMatchObject({ platforms: "linux/amd64,linux/arm64", push: true, sbom: true, provenance: "mode=max", "cache-from": "type=gha" });
    expect(steps.publish!.some((s) => s.uses?.startsWith("docker/setup-qemu-action@"))).toBe(true);
    const meta = steps.publish!.find((s) => s.uses?.startsWith("docker/metadata-action@"))!;
    const tags = String(meta.with!.tags);
    for (const t of ["pattern={{version}}", "pattern={{major}}.{{minor}}", "pattern={{major}},", "value=latest,enable={{is_default_branch}}", "type=sha"]) expect(tags).toContain(t);
    expect(wf.env.IMAGE).toBe("ghcr.io/${{ github.repository }}");
  });
});

describe("CI options", () => {
  it("publishes elsewhere with registry secrets and no packages: write", async () => {
    const wf = parse((await render("go-http", ["--image", "docker.io/acme/svc"]))[WORKFLOW]!) as Workflow;
    expect(wf.jobs.publish!.permissions).toEqual({ contents: "read" });
    const login = wf.jobs.publish!.steps.find((s) => s.uses?.startsWith("docker/login-action@"))!;
    expect(login.with).toEqual({ registry: "docker.io", username: "${{ secrets.REGISTRY_USERNAME }}", password: "${{ secrets.REGISTRY_PASSWORD }}" });
  });

  it("refuses --ci gitlab (exit 2), saying it is not yet supported", async () => {
    const err = await render("go-http", ["--ci", "gitlab"]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnswersError);
    expect((err as AnswersError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(/gitlab is not yet supported/);
  });

  it("refuses an image without a registry, or with a tag", async () => {
    for (const image of ["acme/api", "ghcr.io/acme/api:1.0", "ghcr.io/Acme/api"]) {
      const err = await render("go-http", ["--image", image]).catch((e: unknown) => e);
      expect(err, image).toBeInstanceOf(AnswersError);
      expect((err as Error).message).toContain("image");
    }
  });

  it("--only names the workflow only when --ci github writes it", async () => {
    const { renderCaseArgs } = await import("../golden/render-case.js");
    const only = await runInit({ dir: tempDir("ci-"), dryRun: true, ...renderCaseArgs(["--preset", "go-http", "--yes", "--ci", "github", "--only", WORKFLOW]) });
    expect(only.decisions.map((d) => d.path)).toEqual([WORKFLOW]);
    const err = await runInit({ dir: tempDir("ci-"), dryRun: true, ...renderCaseArgs(["--preset", "go-http", "--yes", "--only", WORKFLOW]) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain("--ci github");
  });

  it("the schema checks can fail: a broken workflow is refused by both", async () => {
    const text = (await render("go-http"))[WORKFLOW]!;
    const broken = text.replace("contents: read\n", "contents: maybe\n").replace("runs-on: ubuntu-latest", "runs-on: [ubuntu-latest, 3]\n    timeout: soon");
    expect(validateSchema(parse(broken))).toBe(false);
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it("is refused in a sub-folder of a git repository (GitHub reads .github/ at the root only)", async () => {
    const { mkdirSync } = await import("node:fs");
    const { renderCaseArgs } = await import("../golden/render-case.js");
    const repo = tempDir("ci-git-");
    mkdirSync(join(repo, ".git"));
    mkdirSync(join(repo, "services", "api"), { recursive: true });
    const args = renderCaseArgs(["--preset", "go-http", "--yes", "--ci", "github"]);
    const err = await runInit({ dir: join(repo, "services", "api"), dryRun: true, ...args }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/--ci github: .* is a sub-folder of the git repository/);
    const atRoot = await runInit({ dir: repo, dryRun: true, ...args });
    expect(atRoot.files.map((f) => f.path)).toContain(WORKFLOW);
  });

  it("is not written without --ci, and `check` does not claim the new files", async () => {
    const files = await render("go-http", ["--ci", "none"]);
    expect(Object.keys(files)).not.toContain(WORKFLOW);
    for (const f of ["docker.yml", "renovate.json", "dependabot.yml"]) expect(classifyFile(f), f).toBeUndefined();
  });
});
