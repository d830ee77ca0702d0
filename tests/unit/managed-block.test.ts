// The managed block: our part of a user's Makefile/.gitignore. Everything outside the
// markers is kept byte for byte; broken markers are refused, never guessed at.
import { describe, expect, it } from "vitest";
import { BLOCK_BEGIN, BLOCK_END, findBlock, makefileTargetsOutsideBlock, mergeBlock, wrapBlock } from "../../src/write/managed-block.js";

const BODY = "docker-build:\n\tdocker build .\n";
const BLOCK = `${BLOCK_BEGIN}\n${BODY}${BLOCK_END}\n`;

describe("wrapBlock", () => {
  it("puts the body between the markers with exactly one newline before the end marker", () => {
    expect(wrapBlock(BODY)).toBe(BLOCK);
    expect(wrapBlock("docker-build:\n\tdocker build .")).toBe(BLOCK);
    expect(wrapBlock("docker-build:\n\tdocker build .\n\n\n")).toBe(BLOCK);
  });
});

describe("findBlock", () => {
  it("splits a file into your lines before, our body, and your lines after", () => {
    expect(findBlock(`mine:\n\n${BLOCK}after:\n`)).toEqual({ before: "mine:\n\n", body: BODY, after: "after:\n" });
    expect(findBlock(`${BLOCK_BEGIN}\n${BLOCK_END}\n`)).toEqual({ before: "", body: "", after: "" });
    expect(findBlock("no block\n")).toBeNull();
  });
});

describe("mergeBlock", () => {
  it("a new or empty file is just the block", () => {
    expect(mergeBlock(null, BODY)).toBe(BLOCK);
    expect(mergeBlock("", BODY)).toBe(BLOCK);
  });

  it("appends to a file without a block, keeping its bytes (tabs, CRLF, trailing spaces)", () => {
    const user = "# mine\r\ntest:\r\n\tpytest -q  \r\n\nlint:\n\truff check .\n";
    const merged = mergeBlock(user, BODY);
    expect(merged.startsWith(user)).toBe(true);
    expect(merged).toBe(`${user}\n${BLOCK}`);
  });

  it("separates the block by one blank line whatever the file ends with", () => {
    expect(mergeBlock("a:\n", BODY)).toBe(`a:\n\n${BLOCK}`);
    expect(mergeBlock("a:", BODY)).toBe(`a:\n\n${BLOCK}`);
    expect(mergeBlock("a:\n\n", BODY)).toBe(`a:\n\n${BLOCK}`);
  });

  it("replaces an old block in place, keeping what is before and after it byte for byte", () => {
    const before = "# header\n.PHONY: test\n\ntest:\n\tpytest\n\n";
    const after = "\n# footer kept\nrelease:\n\t./release.sh\n";
    const old = `${before}${BLOCK_BEGIN}\nold-target:\n\techo old\n${BLOCK_END}\n${after}`;
    const merged = mergeBlock(old, BODY);
    expect(merged).toBe(`${before}${BLOCK}${after}`);
    expect(merged).not.toContain("old-target");
  });

  it("is idempotent: merging the same body again changes nothing", () => {
    const once = mergeBlock("test:\n\tpytest\n", BODY);
    expect(mergeBlock(once, BODY)).toBe(once);
  });

  it("replaces a block at the very end of a file without a final newline", () => {
    expect(mergeBlock(`x:\n\n${BLOCK_BEGIN}\nold\n${BLOCK_END}`, BODY)).toBe(`x:\n\n${BLOCK}`);
  });

  it.each([
    ["only a begin marker", `a:\n${BLOCK_BEGIN}\nx\n`],
    ["only an end marker", `a:\nx\n${BLOCK_END}\n`],
    ["the end before the begin", `${BLOCK_END}\nx\n${BLOCK_BEGIN}\n`],
    ["two begin markers", `${BLOCK_BEGIN}\nx\n${BLOCK_BEGIN}\ny\n${BLOCK_END}\n`],
    ["two end markers", `${BLOCK_BEGIN}\nx\n${BLOCK_END}\ny\n${BLOCK_END}\n`],
    ["two whole blocks", `${BLOCK}\n${BLOCK}`],
  ])("refuses %s", (_what, text) => {
    expect(() => findBlock(text)).toThrow(/unbalanced or repeated/);
    expect(() => mergeBlock(text, BODY)).toThrow(/unbalanced or repeated/);
  });
});

describe("makefileTargetsOutsideBlock", () => {
  it("lists the user's targets, not ours, not special ones, not assignments", () => {
    const text = [
      ".PHONY: help lint test",
      "PYTHON := python3",
      "export IMAGE := app",
      "CC ?= gcc",
      "",
      "help:",
      "\t@echo help",
      "lint test: deps",
      "\truff check . # a: colon in a recipe",
      "dist/app.tar:: build",
      "\ttar cf $@ .",
      "%.o: %.c",
      "\t$(CC) -c $<",
      BLOCK_BEGIN,
      "docker-build: ## ours",
      "\tdocker build .",
      "scan:",
      BLOCK_END,
      "release: lint",
      "\t./release.sh",
      "",
    ].join("\n");
    expect(makefileTargetsOutsideBlock(text).sort()).toEqual(["dist/app.tar", "help", "lint", "release", "test"]);
  });

  it("reads the whole file when the markers are broken (the write reports them)", () => {
    expect(makefileTargetsOutsideBlock(`a:\n${BLOCK_BEGIN}\nb:\n`).sort()).toEqual(["a", "b"]);
  });

  it("finds nothing in a file without targets", () => {
    expect(makefileTargetsOutsideBlock("# only a comment\nX = 1\n")).toEqual([]);
  });
});
