// applyDecisions: the only writer. All or nothing: a failure or Ctrl+C while staging or
// while renaming into place leaves every file as it was and nothing temporary behind;
// conflicts write nothing.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fse from "fs-extra";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CancelledError, ConflictError } from "../../src/errors.js";
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

describe("applyDecisions: failure and Ctrl+C in the middle of writing (simulated)", () => {
  afterEach(() => vi.restoreAllMocks());

  /** A directory with two files of ours and one of the user's, old mtimes, and the decisions of an update. */
  function repository() {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM old\n");
    writeFileSync(join(dir, "env.example"), "A=1\n");
    writeFileSync(join(dir, "gone.md"), "orphan\n");
    const decisions: FileDecision[] = [
      { path: "Dockerfile", status: "update", current: "FROM old\n", next: "FROM new\n" },
      create(".dockerignore", ".git\n"),
      { path: "env.example", status: "update", current: "A=1\n", next: "A=2\n" },
      create(".docker-scaffold/base/Dockerfile", "FROM new\n"),
    ];
    const snapshot = () => ({ tree: readTree(dir), entries: readdirSync(dir).sort(), mtimes: ["Dockerfile", "env.example", "gone.md"].map((f) => statSync(join(dir, f)).mtimeMs) });
    return { dir, decisions, before: snapshot(), snapshot };
  }

  it("a rename that fails after others were done: every file is put back, nothing temporary is left", async () => {
    const { dir, decisions, before, snapshot } = repository();
    const rename = fse.rename.bind(fse);
    let calls = 0;
    vi.spyOn(fse, "rename").mockImplementation(async (from: string, to: string) => {
      if (++calls === 3) throw Object.assign(new Error("EIO: simulated"), { code: "EIO" });
      return rename(from, to);
    });
    await expect(applyDecisions(dir, decisions, { remove: ["gone.md"] })).rejects.toThrow("EIO: simulated");
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(snapshot()).toEqual(before);
  });

  it("a deletion that fails: the files already renamed are put back too", async () => {
    const { dir, decisions, before, snapshot } = repository();
    vi.spyOn(fse, "remove").mockImplementationOnce(async () => {
      throw new Error("EACCES: simulated");
    });
    await expect(applyDecisions(dir, decisions, { remove: ["gone.md"] })).rejects.toThrow("EACCES: simulated");
    expect(snapshot()).toEqual(before);
  });

  it("Ctrl+C while renaming: held, everything put back, then CancelledError (exit 130)", async () => {
    const { dir, decisions, before, snapshot } = repository();
    const rename = fse.rename.bind(fse);
    let calls = 0;
    vi.spyOn(fse, "rename").mockImplementation(async (from: string, to: string) => {
      if (++calls === 2) process.emit("SIGINT");
      return rename(from, to);
    });
    const listeners = process.listenerCount("SIGINT");
    const err = await applyDecisions(dir, decisions, { remove: ["gone.md"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).exitCode).toBe(130);
    expect(snapshot()).toEqual(before);
    expect(process.listenerCount("SIGINT")).toBe(listeners);
  });

  it("Ctrl+C while staging the new contents: nothing was renamed, nothing is left", async () => {
    const { dir, decisions, before, snapshot } = repository();
    const writeFile = fse.writeFile.bind(fse) as (...a: unknown[]) => Promise<void>;
    vi.spyOn(fse, "writeFile").mockImplementation(async (...args: unknown[]) => {
      process.emit("SIGINT");
      return writeFile(...args);
    });
    await expect(applyDecisions(dir, decisions)).rejects.toBeInstanceOf(CancelledError);
    expect(snapshot()).toEqual(before);
  });

  it("without a failure: writes, deletes, keeps no backup, and leaves no SIGINT listener", async () => {
    const { dir, decisions } = repository();
    const listeners = process.listenerCount("SIGINT");
    await applyDecisions(dir, decisions, { remove: ["gone.md", "never-existed"] });
    expect(readTree(dir)).toEqual({ Dockerfile: "FROM new\n", ".dockerignore": ".git\n", "env.example": "A=2\n", ".docker-scaffold/base/Dockerfile": "FROM new\n" });
    expect(process.listenerCount("SIGINT")).toBe(listeners);
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
