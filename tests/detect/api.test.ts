// The library surface the CLI and `init` build on: detectProject's options, the
// FileReader seam, and the `detect --json` shape.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { APP_ANSWER_KEYS, DELIVERY_KEYS } from "../../src/model/answers.js";
import { UsageError } from "../../src/errors.js";
import { detectProject, toDetectJson, type FileReader } from "../../src/detect/index.js";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

/** An in-memory project: what a caller passes as `reader`. */
function memoryReader(files: Record<string, string>): FileReader {
  const dirs = new Set([""]);
  for (const file of Object.keys(files)) {
    const parts = file.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  return {
    readText: async (rel, max = 1 << 20) => (files[rel] !== undefined && files[rel]!.length <= max ? files[rel]! : null),
    exists: async (rel) => files[rel] !== undefined || dirs.has(rel),
    list: async (rel) => {
      const prefix = rel === "" ? "" : `${rel}/`;
      const names = new Map<string, "file" | "dir">();
      for (const file of Object.keys(files)) {
        if (!file.startsWith(prefix)) continue;
        const [head, ...rest] = file.slice(prefix.length).split("/");
        names.set(head!, rest.length > 0 ? "dir" : "file");
      }
      return [...names].sort().map(([name, kind]) => ({ name, kind }));
    },
  };
}

describe("detectProject API", () => {
  it("reads only through the reader it is given", async () => {
    const reader = memoryReader({
      "go.mod": "module example.com/svc/v3\n\ngo 1.23.4\n\nrequire github.com/go-chi/chi/v5 v5.1.0\n",
      "cmd/svc/main.go": 'package main\n\nfunc main() { http.ListenAndServe(":7070", nil) }\n',
    });
    const d = await detectProject("/nonexistent/virtual", { reader });
    expect(d.answers).toMatchObject({ language: "go", framework: "chi", runtimeVersion: "1.23", port: 7070, name: "svc" });
    expect(d.extra.goMain).toBe("./cmd/svc");
  });

  it("toDetectJson has every answer key, env names and evidence", async () => {
    const d = await detectProject(path.join(FIXTURES, "node-express-basic", "repo"));
    const json = toDetectJson(d);
    for (const key of APP_ANSWER_KEYS) expect(json).toHaveProperty(key);
    // The delivery answers (dev, buildSecrets, ci, image, pinDigests, updateBot) are chosen, never detected.
    for (const key of DELIVERY_KEYS) expect(json).not.toHaveProperty(key);
    expect(json.env).toEqual(["DATABASE_URL", "LOG_LEVEL", "PORT"]);
    expect(Object.keys(json.evidence as object)).toContain("startCommand");
    expect(json).toHaveProperty("apps");
    expect(json).toHaveProperty("extra");
  });

  it("several apps: every answer null, candidates listed; app: picks one", async () => {
    const repo = path.join(FIXTURES, "multi-backend-frontend", "repo");
    const all = await detectProject(repo);
    expect(Object.values(all.answers).every((value) => value === null)).toBe(true);
    expect(all.apps.map((a) => [a.path, a.language])).toEqual([["backend", "python"], ["frontend", "node"]]);
    const backend = await detectProject(repo, { app: "backend" });
    expect(backend.answers.framework).toBe("fastapi");
    expect(backend.env[0]).toMatchObject({ name: "DATABASE_URL", secret: true, sources: ["backend/app/main.py:4"] });
  });

  it("refuses a directory that does not exist", async () => {
    await expect(detectProject(path.join(FIXTURES, "no-such-dir"))).rejects.toBeInstanceOf(UsageError);
  });

  it("refuses an --app outside the directory or missing from it", async () => {
    const repo = path.join(FIXTURES, "multi-backend-frontend", "repo");
    await expect(detectProject(repo, { app: "../other" })).rejects.toBeInstanceOf(UsageError);
    await expect(detectProject(repo, { app: "nope" })).rejects.toBeInstanceOf(UsageError);
  });

  it("env vars carry defaults only when not secret", async () => {
    const reader = memoryReader({
      "package.json": JSON.stringify({ name: "x", scripts: { start: "node a.js" }, dependencies: { express: "4" } }),
      "a.js": "const s = process.env.JWT_SECRET || 'dev-secret';\nconst l = process.env.LOG_LEVEL ?? 'info';\n",
    });
    const d = await detectProject("/virtual", { reader });
    expect(d.env).toEqual([
      { name: "JWT_SECRET", secret: true, sources: ["a.js:1"] },
      { name: "LOG_LEVEL", secret: false, sources: ["a.js:2"], default: "info" },
    ]);
  });
});

describe("evidence never repeats a secret", () => {
  it("masks secret-looking assignments and URL passwords quoted from commands", async () => {
    const reader = memoryReader({
      "package.json": JSON.stringify({ name: "x", scripts: { start: "JWT_SECRET=hunter2 DATABASE_URL=postgres://app:s3cret@db/app PORT=4000 node a.js" }, dependencies: { express: "4" } }),
      "a.js": "app.listen(process.env.PORT)\n",
    });
    const d = await detectProject("/virtual", { reader });
    const text = JSON.stringify(toDetectJson(d));
    expect(d.answers.port).toBe(4000);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("s3cret");
    expect(text).toContain("JWT_SECRET=***");
  });
});

describe("toPartialAnswers", () => {
  it("keeps only what was detected", async () => {
    const { toPartialAnswers } = await import("../../src/detect/index.js");
    const d = await detectProject(path.join(FIXTURES, "go-chi-cmd-api", "repo"));
    expect(toPartialAnswers(d)).toEqual({
      language: "go", framework: "chi", packageManager: "go", runtimeVersion: "1.23", port: 8080,
      healthPath: "/healthz", name: "payments-api", services: ["postgres"],
    });
  });
});
