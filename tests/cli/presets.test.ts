// `docker-scaffold presets [--json]`.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILTIN_PRESET_DIR } from "../../src/presets/load-preset.js";
import { runCliCaptured } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

const NAMES = readdirSync(BUILTIN_PRESET_DIR)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.replace(/\.yaml$/, ""))
  .sort();

describe("presets", () => {
  it("the built-in presets are the twelve documented ones", () => {
    expect(NAMES).toEqual([
      "go-http", "java-spring-gradle", "java-spring-maven", "node-express", "node-fastify", "node-nestjs", "node-nextjs",
      "python-django", "python-fastapi", "python-flask", "rust-actix", "rust-axum",
    ]);
  });

  it("lists every built-in preset with its description", async () => {
    const run = await runCliCaptured(["presets"], tempDir());
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Built-in presets (use with --preset NAME):");
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/)[0])).toEqual(NAMES);
    expect(run.stdout).toMatch(/python-flask\s+Flask behind gunicorn/);
  });

  it("--json is an array of presets with their answers, and nothing else on stdout", async () => {
    const run = await runCliCaptured(["presets", "--json"], tempDir());
    expect(run.code).toBe(0);
    const presets = JSON.parse(run.stdout) as { name: string; version: string; description: string; origin: string; answers: Record<string, unknown> }[];
    expect(presets.map((p) => p.name)).toEqual(NAMES);
    for (const p of presets) {
      expect(p.origin).toBe("builtin");
      expect(p.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(p.description.length).toBeGreaterThan(10);
      expect(["python", "node", "go", "rust", "java"]).toContain(p.answers.language);
    }
    expect(presets.find((p) => p.name === "python-flask")!.answers).toMatchObject({ language: "python", framework: "flask", port: 8000 });
  });
});
