// The corpus: realistic Dockerfiles and compose files (naive ones people commit, and
// hardened ones), each directory with its expected findings checked in as expected.txt.
// Regenerate after a deliberate rule change with UPDATE_CORPUS=1 and review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPaths } from "../../src/check/index.js";
import { CASES, CORPUS, renderFindings } from "./corpus-files.js";

describe("corpus", () => {
  it("has at least 40 Dockerfiles and compose files", () => {
    const files = CASES.flatMap((c) => readdirSync(join(CORPUS, c))).filter((f) => /^(Dockerfile|docker-compose\.yml)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of CASES) {
    it(`${name} gives the checked-in findings`, async () => {
      const dir = join(CORPUS, name);
      const result = await checkPaths({ cwd: dir, config: {} });
      const actual = renderFindings(result.findings);
      const expectedPath = join(dir, "expected.txt");
      if (process.env.UPDATE_CORPUS || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, "utf8"));
    });
  }

  it("the hardened python, node and go examples pass at every severity, opt-in rules aside", async () => {
    for (const name of ["good-python", "good-node", "good-go"]) {
      const result = await checkPaths({ cwd: join(CORPUS, name), config: {} });
      expect(result.findings, name).toEqual([]);
      expect(result.files.length, name).toBeGreaterThanOrEqual(3);
    }
  });
});
