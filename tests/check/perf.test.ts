// Per-file time, measured with checkTextsTimed (parse + every rule) over the corpus:
// the target is well under 50 ms per file once the compose schema is compiled.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTextsTimed } from "../../src/check/index.js";
import { CASES, CORPUS } from "./corpus-files.js";

describe("performance", () => {
  it("checks a corpus file in well under 50 ms (median and 95th percentile)", () => {
    const sets = CASES.map((c) =>
      readdirSync(join(CORPUS, c))
        .filter((f) => f !== "expected.txt")
        .map((f) => ({ path: f, text: readFileSync(join(CORPUS, c, f), "utf8") })),
    );
    for (const files of sets) checkTextsTimed(files); // warm-up: JIT, the compose schema compile
    const ms: number[] = [];
    for (let round = 0; round < 3; round++) for (const files of sets) for (const t of checkTextsTimed(files).timings) ms.push(t.ms);
    ms.sort((a, b) => a - b);
    const median = ms[Math.floor(ms.length / 2)] ?? 0;
    const p95 = ms[Math.floor(ms.length * 0.95)] ?? 0;
    expect(ms.length).toBeGreaterThan(100);
    expect(median).toBeLessThan(10);
    expect(p95).toBeLessThan(50);
  });
});
