// An oracle over the goldens: the files: record of each expected .docker-scaffold.yml holds
// the sha256 of its sibling golden files, with each file's merge strategy, and does not
// list itself (a file cannot hold its own hash).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ALL_OUTPUT_FILES, mergeStrategyOf } from "../../src/model/plan.js";
import { readTree } from "../helpers/tmp.js";

/** Core files in their usual order, then the rest by path. */
function byOutputOrder(a: string, b: string): number {
  const rank = (f: string) => {
    const i = (ALL_OUTPUT_FILES as readonly string[]).indexOf(f);
    return i === -1 ? ALL_OUTPUT_FILES.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
import { goldenCases } from "./golden-cases.js";

describe.each(goldenCases())("golden $name: .docker-scaffold.yml files:", (c) => {
  it("records every other generated file with its strategy and the sha256 of its golden", () => {
    const expected = join(c.dir, "expected");
    const answers = parse(readFileSync(join(expected, ".docker-scaffold.yml"), "utf8")) as { files: Record<string, { strategy: string; sha256: string }> };
    // The generated files (not a starter app's): the core files, then monitoring files and apps' folders.
    const listed = Object.keys(readTree(expected)).filter((f) => f !== ".docker-scaffold.yml" && mergeStrategyOf(f) !== null).sort(byOutputOrder);
    expect(Object.keys(answers.files)).toEqual(listed);
    for (const f of listed) {
      const sha = createHash("sha256").update(readFileSync(join(expected, f))).digest("hex");
      expect(answers.files[f], f).toEqual({ strategy: mergeStrategyOf(f), sha256: sha });
    }
  });
});
