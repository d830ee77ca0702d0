// decideFile: create / identical / update / conflict, from what is on disk. Pure.
import { describe, expect, it } from "vitest";
import type { RenderedFile } from "../../src/model/plan.js";
import { decideFile, decideFiles } from "../../src/write/decide.js";
import { BLOCK_BEGIN, BLOCK_END, wrapBlock } from "../../src/write/managed-block.js";

const whole = (content: string): RenderedFile => ({ path: "Dockerfile", strategy: "whole", content });
const block = (content: string): RenderedFile => ({ path: "Makefile", strategy: "managed-block", content });

describe("a whole file", () => {
  it("absent -> create", () => {
    expect(decideFile(whole("FROM a\n"), null, false)).toEqual({ path: "Dockerfile", status: "create", current: null, next: "FROM a\n" });
  });

  it("same bytes -> identical", () => {
    expect(decideFile(whole("FROM a\n"), "FROM a\n", false).status).toBe("identical");
    expect(decideFile(whole("FROM a\n"), "FROM a\n", true).status).toBe("identical");
  });

  it("different bytes -> conflict, even a newline or CRLF", () => {
    expect(decideFile(whole("FROM a\n"), "FROM b\n", false).status).toBe("conflict");
    expect(decideFile(whole("FROM a\n"), "FROM a", false).status).toBe("conflict");
    expect(decideFile(whole("FROM a\n"), "FROM a\r\n", false).status).toBe("conflict");
  });

  it("different bytes with --force -> update to the new content", () => {
    expect(decideFile(whole("FROM a\n"), "FROM b\n", true)).toEqual({ path: "Dockerfile", status: "update", current: "FROM b\n", next: "FROM a\n" });
  });

  it("an empty existing file differs", () => {
    expect(decideFile(whole("FROM a\n"), "", false).status).toBe("conflict");
  });
});

describe("a managed block", () => {
  it("absent -> create, the file being just the block", () => {
    expect(decideFile(block("x:\n"), null, false)).toMatchObject({ status: "create", next: wrapBlock("x:\n") });
  });

  it("a user's file without our block -> update (appended), never a conflict", () => {
    const d = decideFile(block("x:\n"), "mine:\n\techo\n", false);
    expect(d.status).toBe("update");
    expect(d.next).toBe(`mine:\n\techo\n\n${wrapBlock("x:\n")}`);
  });

  it("our block already in place -> identical", () => {
    const current = `mine:\n\n${wrapBlock("x:\n")}`;
    expect(decideFile(block("x:\n"), current, false).status).toBe("identical");
  });

  it("an old block -> update, only the block changing", () => {
    const d = decideFile(block("new:\n"), `mine:\n\n${wrapBlock("old:\n")}after:\n`, false);
    expect(d.status).toBe("update");
    expect(d.next).toBe(`mine:\n\n${wrapBlock("new:\n")}after:\n`);
  });

  it("broken markers -> conflict with a reason, and the file left as it is, even with --force", () => {
    const current = `mine:\n${BLOCK_BEGIN}\nold:\n`;
    for (const force of [false, true]) {
      const d = decideFile(block("x:\n"), current, force);
      expect(d.status).toBe("conflict");
      expect(d.next).toBe(current);
      expect(d.reason).toMatch(/^Makefile: .*markers.*fix the markers by hand/);
    }
  });

  it("an end marker alone is a conflict too", () => {
    expect(decideFile(block("x:\n"), `mine:\n${BLOCK_END}\n`, false).status).toBe("conflict");
  });
});

describe("decideFiles", () => {
  it("decides each file against its own current content, in order", () => {
    const files = [whole("A\n"), { ...whole("B\n"), path: "README.Docker.md" }, block("m:\n")];
    const current = new Map<string, string | null>([
      ["Dockerfile", "A\n"],
      ["README.Docker.md", "old\n"],
    ]);
    expect(decideFiles(files, current, false).map((d) => [d.path, d.status])).toEqual([
      ["Dockerfile", "identical"],
      ["README.Docker.md", "conflict"],
      ["Makefile", "create"],
    ]);
  });
});
