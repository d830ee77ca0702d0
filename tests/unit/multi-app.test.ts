// Several apps in one repository (issue 6): detected or named with repeated --app, one
// Dockerfile per folder, one compose file at the root; the record (`apps:`) reproduces it,
// and `update` keeps an edit. Bad input is refused (exit 2) before anything is written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkPaths } from "../../src/check/index.js";
import { UsageError } from "../../src/errors.js";
import { runInit } from "../../src/init/run-init.js";
import { runUpdate } from "../../src/update/run-update.js";
import { tempDir } from "../helpers/tmp.js";

function repo(): string {
  const dir = tempDir("multi-");
  const files: Record<string, string> = {
    "api/requirements.txt": "fastapi\nuvicorn\n",
    "api/app/__init__.py": "",
    "api/app/main.py": 'from fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/health")\ndef health():\n    return {"status": "ok"}\n',
    "web/package.json": JSON.stringify({ name: "my-web-package", scripts: { start: "node src/server.js" }, dependencies: { express: "^4.21.0" } }),
    "web/package-lock.json": JSON.stringify({ name: "my-web-package", lockfileVersion: 3, packages: {} }),
    "web/src/server.js": 'const app = require("express")();\napp.get("/health", (_q, r) => r.json({ status: "ok" }));\napp.listen(3000);\n',
  };
  for (const [p, text] of Object.entries(files)) {
    const full = join(dir, p);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

describe("init over a repository with several apps", () => {
  it("detects both apps and writes a Dockerfile per folder and one compose file, services named after the folders", async () => {
    const dir = repo();
    const result = await runInit({ dir, flags: { services: ["redis"] } });
    expect(result.files.map((f) => f.path)).toEqual(["api/Dockerfile", "api/.dockerignore", "web/Dockerfile", "web/.dockerignore", "docker-compose.yml", "env.example", "Makefile", "README.Docker.md", ".gitignore", ".docker-scaffold.yml"]);
    const compose = parse(readFileSync(join(dir, "docker-compose.yml"), "utf8")) as { services: Record<string, { build?: { context: string }; ports?: string[] }> };
    expect(Object.keys(compose.services)).toEqual(["api", "redis", "web"]);
    expect(compose.services.web!.build!.context).toBe("./web");
    expect(compose.services.api!.ports).toEqual(["127.0.0.1:${API_HOST_PORT:-8000}:8000"]);
    expect(readFileSync(join(dir, "env.example"), "utf8")).toMatch(/^WEB_HOST_PORT=3000$/m);
    const makefile = readFileSync(join(dir, "Makefile"), "utf8");
    for (const t of ["build-api", "logs-web", "restart-api", "shell-web", "health-api", "secrets"]) expect(makefile).toMatch(new RegExp(`^${t}:`, "m"));
    const record = parse(readFileSync(join(dir, ".docker-scaffold.yml"), "utf8")) as { answers: object; apps: { path: string }[]; files: object };
    expect(record.answers).toEqual({ services: ["redis"] });
    expect(record.apps.map((a) => a.path)).toEqual(["api", "web"]);
    expect(Object.keys(record.files)).toContain("api/Dockerfile");
    // `check` at the root reads each app's Dockerfile through the build contexts: nothing to report.
    const checked = await checkPaths({ cwd: dir, shellcheck: false });
    expect(checked.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
  });

  it("repeated --app names the apps; a re-run with nothing given is IDENTICAL", async () => {
    const dir = repo();
    await runInit({ dir, apps: ["./web/", "api"] });
    expect(existsSync(join(dir, "web", "Dockerfile"))).toBe(true);
    const again = await runInit({ dir, dryRun: true });
    expect(again.files.filter((f) => f.status !== "identical")).toEqual([]);
  });

  it("an app's own answer edited under apps: reaches its Dockerfile through update, and the user's compose edit is kept", async () => {
    const dir = repo();
    await runInit({ dir });
    const recordPath = join(dir, ".docker-scaffold.yml");
    writeFileSync(recordPath, readFileSync(recordPath, "utf8").replace(/- path: api\n    answers: \{\}/, "- path: api\n    answers:\n      port: 8001"));
    const composePath = join(dir, "docker-compose.yml");
    writeFileSync(composePath, readFileSync(composePath, "utf8").replace("mem_limit: 512m", "mem_limit: 768m"));
    await runUpdate({ dir, allowDirty: true });
    expect(readFileSync(join(dir, "api", "Dockerfile"), "utf8")).toContain("EXPOSE 8001");
    const compose = readFileSync(composePath, "utf8");
    expect(compose).toContain(":8001'");
    expect(compose).toContain("mem_limit: 768m");
  });

  it("refuses, with exit 2 and nothing written: a per-app flag, --preset, a folder that is not there", async () => {
    for (const options of [{ flags: { port: 9000 } }, { preset: "python-fastapi" }, { apps: ["api", "nope"] }]) {
      const dir = repo();
      const err = await runInit({ dir, ...options }).catch((e: unknown) => e);
      expect(err, JSON.stringify(options)).toBeInstanceOf(UsageError);
      expect((err as UsageError).exitCode).toBe(2);
      expect(existsSync(join(dir, "docker-compose.yml"))).toBe(false);
    }
  });

  it("a single --app still containerises that app alone, in its folder", async () => {
    const dir = repo();
    await runInit({ dir, app: "api" });
    expect(existsSync(join(dir, "api", "docker-compose.yml"))).toBe(true);
    expect(existsSync(join(dir, "docker-compose.yml"))).toBe(false);
    expect(readFileSync(join(dir, "api", "Dockerfile"), "utf8")).toContain("COPY requirements.txt ./");
  });

  it("interactively, the choice of app offers (and defaults to) all of them; one app can still be picked", async () => {
    for (const pick of ["all", "web"] as const) {
      const dir = repo();
      const asked: string[] = [];
      const answer = async (q: { name: string; default?: unknown; choices?: { value: string }[] }) => {
        asked.push(q.name);
        if (q.name === "app") return pick === "all" ? q.default : "web";
        return q.name === "confirm" ? true : q.default;
      };
      await runInit({ dir, prompter: { select: answer, input: answer, confirm: answer, note: () => {} } as never });
      expect(asked[0]).toBe("app");
      expect(existsSync(join(dir, "docker-compose.yml"))).toBe(pick === "all");
      expect(existsSync(join(dir, "web", "docker-compose.yml"))).toBe(pick === "web");
    }
  });
});
