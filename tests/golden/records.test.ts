// An oracle over the goldens: the files: record of each expected .docker-scaffold.yml holds
// the sha256 of its sibling golden files, with each file's merge strategy, and does not
// list itself (a file cannot hold its own hash).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ALL_OUTPUT_FILES, MERGE_STRATEGY, OUTPUT_FILES } from "../../src/model/plan.js";
import { goldenCases } from "./golden-cases.js";

describe.each(goldenCases())("golden $name: .docker-scaffold.yml files:", (c) => {
  it("records every other generated file with its strategy and the sha256 of its golden", () => {
    const expected = join(c.dir, "expected");
    const answers = parse(readFileSync(join(expected, ".docker-scaffold.yml"), "utf8")) as { files: Record<string, { strategy: string; sha256: string }> };
    // Optional outputs (docker-compose.dev.yml) are listed where the case renders them.
    const listed = ALL_OUTPUT_FILES.filter((f) => f !== ".docker-scaffold.yml" && ((OUTPUT_FILES as readonly string[]).includes(f) || existsSync(join(expected, f))));
    expect(Object.keys(answers.files)).toEqual(listed);
    for (const f of listed) {
      const sha = createHash("sha256").update(readFileSync(join(expected, f))).digest("hex");
      expect(answers.files[f], f).toEqual({ strategy: MERGE_STRATEGY[f], sha256: sha });
    }
  });
});
