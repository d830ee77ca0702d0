import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadAnswersFile, loadPreset } from "../../src/presets/load-preset.js";
import { parseAnswersYaml } from "../../src/presets/read-yaml.js";
import { tempDir } from "../helpers/tmp.js";

describe("versions in hand-written YAML", () => {
  it("keeps runtimeVersion: 3.10 as the text 3.10, not the number 3.1", () => {
    expect(parseAnswersYaml("answers:\n  runtimeVersion: 3.10\n  port: 8000\n")).toEqual({ answers: { runtimeVersion: "3.10", port: 8000 } });
  });

  it("applies to preset files and --answers files", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), "kind: Preset\nname: p\nanswers:\n  language: go\n  runtimeVersion: 1.20\n");
    writeFileSync(join(dir, "a.yaml"), "runtimeVersion: 3.10\n");
    expect(loadPreset(join(dir, "p.yaml"), dir).answers.runtimeVersion).toBe("1.20");
    expect(loadAnswersFile(join(dir, "a.yaml")).runtimeVersion).toBe("3.10");
  });

  it("still reports broken YAML", () => {
    expect(() => parseAnswersYaml("answers: [\n")).toThrow();
  });
});
