// Table-driven: every tests/fixtures/<name>/repo is detected and compared with its
// checked-in tests/fixtures/<name>/expected.json (the `detect --json` output).
// Regenerate after a reviewed change with `npx vitest run tests/detect -u`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectProject, toDetectJson } from "../../src/detect/index.js";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
const names = readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, "repo"))).sort();

describe("detect fixtures", () => {
  it("has at least 50 fixture repositories", () => {
    expect(names.length).toBeGreaterThanOrEqual(50);
  });

  it.each(names)("%s", async (name) => {
    const dir = path.join(FIXTURES, name);
    const optionsFile = path.join(dir, "options.json");
    const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, "utf8")) as { app?: string }) : {};
    const detection = await detectProject(path.join(dir, "repo"), options);
    await expect(`${JSON.stringify(toDetectJson(detection), null, 2)}\n`).toMatchFileSnapshot(path.join(dir, "expected.json"));
  });
});
