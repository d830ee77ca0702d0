// The corpus: realistic Dockerfiles and compose files (naive ones people commit, and
// hardened ones), each directory with its expected findings checked in as expected.txt.
// Regenerate after a deliberate rule change with UPDATE_CORPUS=1 and review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPaths, checkTexts } from "../../src/check/index.js";
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
      // A missing expected.txt is written for review locally; in CI it is a failure (house style).
      if (!existsSync(expectedPath) && process.env.CI) throw new Error(`${name}: expected.txt is missing; run UPDATE_CORPUS=1 npm test and review it`);
      if (process.env.UPDATE_CORPUS || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, "utf8"));
    });
  }

  it("the hardened examples (python, node, go, rust, java) pass at every severity, opt-in rules aside", async () => {
    const good = CASES.filter((c) => c.startsWith("good-"));
    expect(good.length).toBeGreaterThanOrEqual(6);
    for (const name of good) {
      const result = await checkPaths({ cwd: join(CORPUS, name), config: {} });
      expect(result.findings, name).toEqual([]);
      expect(result.files.length, name).toBeGreaterThanOrEqual(2);
    }
  });

  it("the hardened examples also pass with CRLF line endings and a byte-order mark", () => {
    for (const name of ["good-python", "good-node", "good-go"]) {
      const dir = join(CORPUS, name);
      const files = readdirSync(dir)
        .filter((f) => f !== "expected.txt")
        .map((f) => ({ path: f, text: "\uFEFF" + readFileSync(join(dir, f), "utf8").replace(/\n/g, "\r\n") }));
      expect(checkTexts(files), name).toEqual([]);
    }
  });
});
