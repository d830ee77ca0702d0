// The built executable as a subprocess with CI=true and no terminal: the real process
// exit codes 0, 2 and 3, and that it never waits for input it cannot get.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OUTPUT_FILES } from "../../src/model/plan.js";
import { BUILT_CLI, runBuilt } from "../helpers/built-cli.js";
import { readTree, tempDir } from "../helpers/tmp.js";

describe("node dist/cli/main.js (CI=true, no TTY)", () => {
  it("exit 0: writes the files; exit 0 again with everything IDENTICAL", () => {
    const dir = tempDir();
    const first = runBuilt(["init", "--preset", "python-flask", "--yes"], dir);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...OUTPUT_FILES, ".docker-scaffold"].sort());
    const second = runBuilt(["init", "--yes"], dir);
    expect(second.code).toBe(0);
    expect(second.stdout.match(/^  IDENTICAL /gm)).toHaveLength(8);
  });

  it("exit 2: an invalid answer, with the problem on stderr and nothing written", () => {
    const dir = tempDir();
    const run = runBuilt(["init", "--preset", "python-flask", "--yes", "--port", "80"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("port: 80 is not a whole number from 1024 to 65535");
    expect(run.stdout).toBe("");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("exit 2 without --yes: CI means no prompting, so the missing answers are listed instead of asked", () => {
    const dir = tempDir();
    const run = runBuilt(["init"], dir);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Missing answers");
    expect(run.stderr).toContain("--language <python|node|go|rust|java>");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("exit 2 for an unknown option and for an unknown preset", () => {
    const dir = tempDir();
    expect(runBuilt(["init", "--bogus"], dir).code).toBe(2);
    const preset = runBuilt(["init", "--preset", "nope", "--yes"], dir);
    expect(preset.code).toBe(2);
    expect(preset.stderr).toContain('Unknown preset "nope"');
  });

  it("exit 3: an existing different Dockerfile, nothing written", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM mine\n");
    const run = runBuilt(["init", "--preset", "python-flask", "--yes"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("  - Dockerfile");
    expect(readTree(dir)).toEqual({ Dockerfile: "FROM mine\n" });
  });

  it("exit 0 for --help, and through a symlinked bin (how npm installs it)", () => {
    const dir = tempDir();
    expect(runBuilt(["--help"], dir).code).toBe(0);
    const bin = join(dir, "bin");
    mkdirSync(bin);
    symlinkSync(BUILT_CLI, join(bin, "docker-scaffold"));
    const run = runBuilt(["--version"], dir, { CI: "true" }, join(bin, "docker-scaffold"));
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
