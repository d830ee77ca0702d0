// Every golden file passes our own `check` with zero findings at every severity, info
// included (DESIGN.md "What hardened means"). The only findings allowed are on lines the
// user wrote outside our managed block (the makefile-merge case keeps the user's own
// Makefile lines, whose SHELL we deliberately do not change).
import { describe, expect, it } from "vitest";
import { checkTexts } from "../../src/check/index.js";
import { BLOCK_BEGIN } from "../../src/write/managed-block.js";
import { goldenCases } from "./golden-cases.js";
import { renderCase } from "./render-case.js";

describe.each(goldenCases())("check on golden $name", (c) => {
  it("has no findings at any severity in what docker-scaffold wrote", async () => {
    const files = await renderCase(c);
    const findings = checkTexts(Object.entries(files).map(([path, text]) => ({ path, text })));
    const ours = findings.filter((f) => {
      const text = files[f.file] ?? "";
      const blockLine = text.split("\n").findIndex((l) => l === BLOCK_BEGIN) + 1;
      // In a file with a managed block, only the block and what follows it is ours.
      return blockLine <= 1 || f.line >= blockLine;
    });
    expect(ours.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
    // The allowance is only for the user's own lines, and only where the user had a file.
    if (findings.length !== ours.length) expect(Object.keys(c.existing).length).toBeGreaterThan(0);
  });
});
