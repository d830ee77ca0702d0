// The README's benchmark numbers are the machine's: its block is exactly what
// bench/readme.mjs renders from the committed report it names.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BEGIN, END, readmeBlock } from "../../bench/readme.mjs";

const ROOT = process.cwd();

describe("README benchmark block", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const begin = BEGIN.exec(readme);

  it("names a committed report", () => {
    expect(begin, "README.md has no <!-- bench:begin from <report.json> --> marker").not.toBeNull();
    expect(existsSync(join(ROOT, begin![1]!))).toBe(true);
  });

  it("is what `node bench/readme.mjs <that report>` renders, untouched", () => {
    const source = begin![1]!;
    const block = readme.slice(begin!.index, readme.indexOf(END) + END.length);
    expect(block).toBe(readmeBlock(JSON.parse(readFileSync(join(ROOT, source), "utf8")), source));
  });
});
