// `docker-scaffold presets` with team (user config) and local presets, `presets export`,
// and the example team pack (examples/team-pack) installed with npm and used as documented.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { runCliCaptured } from "../helpers/cli.js";
import { tempDir, writeTree } from "../helpers/tmp.js";

const EXAMPLE = resolve(__dirname, "..", "..", "examples", "team-pack");

describe("presets with team and local presets", () => {
  let config: string;
  beforeEach(() => {
    config = join(tempDir(), "config.yaml");
    vi.stubEnv("DOCKER_SCAFFOLD_CONFIG", config);
    vi.stubEnv("DOCKER_SCAFFOLD_CACHE_DIR", tempDir("ds-cache-"));
  });
  afterEach(() => vi.unstubAllEnvs());

  it("lists built-in, configured (through an alias) and local presets, each with its source", async () => {
    const cwd = tempDir();
    writeFileSync(config, `aliases:\n  acme: ${EXAMPLE}\npresets: [acme:python-api, ./missing.yaml]\n`);
    writeTree(cwd, { ".docker-scaffold/presets/mine.yaml": "apiVersion: docker-scaffold/v1\nkind: Preset\nname: mine\nversion: 0.1.0\ndescription: My own\nanswers: {port: 9000}\n" });
    const run = await runCliCaptured(["presets"], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Built-in presets (use with --preset NAME):\n  go-http");
    expect(run.stdout).toContain(`Team presets (from ${config}):`);
    expect(run.stdout).toMatch(/ {2}acme:python-api +Acme FastAPI service .*\[acme-python-api@1\.0\.0; locks uid, gid, security\.readOnly/);
    expect(run.stdout).toMatch(/ {2}\.\/missing\.yaml +\(cannot be read: Preset .*missing\.yaml does not exist/);
    expect(run.stdout).toContain("Local presets (.docker-scaffold/presets/):\n  ./.docker-scaffold/presets/mine.yaml  My own [mine@0.1.0]");
    const json = JSON.parse((await runCliCaptured(["presets", "--json"], cwd)).stdout) as { name: string; source: string; origin: string }[];
    expect(json.filter((p) => p.source !== "builtin").map((p) => [p.source, p.origin, p.name])).toEqual([
      ["config", "acme:python-api", "acme-python-api"],
      ["config", "./missing.yaml", "?"],
      ["local", "./.docker-scaffold/presets/mine.yaml", "mine"],
    ]);
  });

  it("a configured default preset is used by init where no preset is given or recorded", async () => {
    writeFileSync(config, `aliases:\n  acme: ${EXAMPLE}\ndefault:\n  preset: acme:python-api\n`);
    const cwd = tempDir();
    const run = await runCliCaptured(["init", "--yes", "--no-detect"], cwd);
    expect(run.stderr).toBe("");
    expect(readFileSync(join(cwd, "Dockerfile"), "utf8")).toContain("FROM registry.acme.example/hub/python:");
    expect((parse(readFileSync(join(cwd, ".docker-scaffold.yml"), "utf8")) as { preset: { source: string } }).preset.source).toBe("acme:python-api");
  });

  it("presets export writes the effective answers as a preset that reproduces the repository", async () => {
    const cwd = tempDir();
    const svc = join(cwd, "svc");
    expect((await runCliCaptured(["init", "svc", "--preset", "python-flask", "--yes", "--uid", "12345", "--port", "5001"], cwd)).code).toBe(0);
    const run = await runCliCaptured(["presets", "export", "svc", "-o", "team.yaml", "--name", "team-flask", "--preset-version", "2.0.0"], cwd);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const preset = parse(readFileSync(join(cwd, "team.yaml"), "utf8")) as { kind: string; name: string; version: string; answers: Record<string, unknown> };
    expect(preset).toMatchObject({ kind: "Preset", name: "team-flask", version: "2.0.0" });
    expect(preset.answers).toMatchObject({ language: "python", framework: "flask", port: 5001, uid: 12345 });
    expect(preset.answers.name).toBeUndefined();
    expect(preset.answers.startCommand).toBeUndefined();
    // Another repository with the exported preset gets the same Dockerfile but for its name.
    const other = join(cwd, "other");
    expect((await runCliCaptured(["init", "other", "--preset", "team.yaml", "--yes", "--name", "svc"], cwd)).code).toBe(0);
    const strip = (t: string) => t.replace(/from preset \S+/, "");
    expect(strip(readFileSync(join(other, "Dockerfile"), "utf8"))).toBe(strip(readFileSync(join(svc, "Dockerfile"), "utf8")));
    const none = await runCliCaptured(["presets", "export", "."], tempDir());
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("there is nothing to update");
  });
});

describe("the example team pack, installed with npm", () => {
  beforeEach(() => {
    vi.stubEnv("DOCKER_SCAFFOLD_CONFIG", join(tempDir(), "none.yaml"));
    vi.stubEnv("DOCKER_SCAFFOLD_CACHE_DIR", tempDir("ds-cache-"));
  });
  afterEach(() => vi.unstubAllEnvs());

  it("scaffolds with the mirror, the CA, the labels and uid 20001; its locks and registries hold", async () => {
    const repo = tempDir();
    writeFileSync(join(repo, "package.json"), JSON.stringify({ name: "svc", private: true }));
    execFileSync("npm", ["install", "--save-dev", EXAMPLE, "--install-links", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: repo, stdio: "pipe" });
    const ref = "npm:@acme/docker-standards/python-api";
    const locked = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", ref, "--set", "security.readOnly=false"], repo);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain("security.readOnly is locked to true by preset acme-base (./acme-base.yaml)");
    const ok = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", ref], repo);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    const dockerfile = readFileSync(join(repo, "Dockerfile"), "utf8");
    expect(dockerfile).toContain("FROM registry.acme.example/hub/python:${PYTHON_VERSION}-slim-bookworm AS runtime");
    expect(dockerfile).toContain("COPY certs/acme-root-ca.crt /usr/local/share/ca-certificates/acme-root-ca.crt");
    expect(dockerfile).toContain('com.acme.owner="platform-team@acme.example"');
    expect(dockerfile).toContain("USER 20001:20001");
    expect(readFileSync(join(repo, "certs", "acme-root-ca.crt"), "utf8")).toContain("BEGIN CERTIFICATE");
    // Every base image goes through the mirror, uv's image from ghcr.io too.
    const uv = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", ref, "--package-manager", "uv", "--force"], repo);
    expect(uv.stderr).toBe("");
    expect(uv.code).toBe(0);
    expect(readFileSync(join(repo, "Dockerfile"), "utf8")).toContain("FROM registry.acme.example/hub/ghcr.io/astral-sh/uv:${UV_VERSION} AS uv");
    // The pack allows only Acme's registry: the repo's own template naming Docker Hub is refused.
    mkdirSync(join(repo, ".docker-scaffold", "templates", "python"), { recursive: true });
    writeFileSync(join(repo, ".docker-scaffold", "templates", "python", "runtime.hbs"), "FROM python:3.12-slim-bookworm AS runtime\n");
    const hub = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", ref, "--dry-run"], repo);
    expect(hub.code).toBe(2);
    expect(hub.stderr).toContain("python:3.12-slim-bookworm is not from registry.acme.example (allowed by template pack acme@1.0.0 (../pack))");
  });
});
