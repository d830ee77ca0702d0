// applyDecisions: the only writer. All or nothing: a failure while staging leaves every
// file as it was and no temporary file behind; conflicts write nothing.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConflictError } from "../../src/errors.js";
import { applyDecisions, readCurrent } from "../../src/write/apply.js";
import type { FileDecision } from "../../src/write/decide.js";
import { readTree, tempDir } from "../helpers/tmp.js";

const create = (path: string, next: string): FileDecision => ({ path, status: "create", current: null, next });

describe("applyDecisions", () => {
  it("writes creates and updates, leaves identical files untouched", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "same"), "same\n");
    writeFileSync(join(dir, "old"), "old\n");
    const before = statSync(join(dir, "same")).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await applyDecisions(dir, [
      create("new", "new\n"),
      { path: "old", status: "update", current: "old\n", next: "updated\n" },
      { path: "same", status: "identical", current: "same\n", next: "same\n" },
    ]);
    expect(readTree(dir)).toEqual({ new: "new\n", old: "updated\n", same: "same\n" });
    expect(statSync(join(dir, "same")).mtimeMs).toBe(before);
  });

  it("keeps the mode of a file it updates (an executable stays executable)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "run.sh"), "old\n");
    chmodSync(join(dir, "run.sh"), 0o755);
    await applyDecisions(dir, [{ path: "run.sh", status: "update", current: "old\n", next: "new\n" }]);
    expect(statSync(join(dir, "run.sh")).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(dir, "run.sh"), "utf8")).toBe("new\n");
  });

  it("creates the target directory when it does not exist", async () => {
    const dir = join(tempDir(), "a", "b");
    await applyDecisions(dir, [create("Dockerfile", "FROM x\n")]);
    expect(readTree(dir)).toEqual({ Dockerfile: "FROM x\n" });
  });

  it("writes nothing when one file cannot be written (its parent is a file)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "blocker"), "I am a file\n");
    writeFileSync(join(dir, "README.Docker.md"), "old readme\n");
    const decisions: FileDecision[] = [
      create("Dockerfile", "FROM x\n"),
      { path: "README.Docker.md", status: "update", current: "old readme\n", next: "new readme\n" },
      create(".dockerignore", ".git\n"),
      create("blocker/Makefile", "all:\n"),
    ];
    await expect(applyDecisions(dir, decisions)).rejects.toThrow();
    // Nothing new, nothing changed, no temporary file left behind.
    expect(readdirSync(dir).sort()).toEqual(["README.Docker.md", "blocker"]);
    expect(readTree(dir)).toEqual({ "README.Docker.md": "old readme\n", blocker: "I am a file\n" });
  });

  it("writes nothing when the failing file comes first either", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "blocker"), "x");
    await expect(applyDecisions(dir, [create("blocker/a", "a"), create("b", "b")])).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["blocker"]);
  });

  it("refuses conflicts before writing anything", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "mine\n");
    const err = await applyDecisions(dir, [
      create(".dockerignore", ".git\n"),
      { path: "Dockerfile", status: "conflict", current: "mine\n", next: "ours\n" },
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).exitCode).toBe(3);
    expect((err as ConflictError).files).toEqual(["Dockerfile"]);
    expect(readTree(dir)).toEqual({ Dockerfile: "mine\n" });
  });
});

describe("readCurrent", () => {
  it("reads what exists and gives null for what does not", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM x\n");
    const current = await readCurrent(dir, ["Dockerfile", "Makefile"]);
    expect([...current]).toEqual([
      ["Dockerfile", "FROM x\n"],
      ["Makefile", null],
    ]);
  });

  it("fails loudly on a path it cannot read as a file (a directory)", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "Dockerfile"));
    await expect(readCurrent(dir, ["Dockerfile"])).rejects.toThrow();
    expect(existsSync(join(dir, "Dockerfile"))).toBe(true);
  });
});
