import { describe, expect, it } from "vitest";
import { normaliseVersion } from "../../src/detect/versions.js";

// The version policy of src/detect/README.md, case by case.
describe("normaliseVersion", () => {
  const cases: [string, "node" | "python" | "go", string | null, string?][] = [
    ["20", "node", "20"],
    ["v20.11.1", "node", "20"],
    ["20.x", "node", "20"],
    ["^20.11", "node", "20"],
    ["~22.3.0", "node", "22"],
    [">=18 <21", "node", "20"],
    [">=18.0.0 <=22", "node", "22"],
    ["^18 || ^20 || ^22", "node", "22", "18"],
    [">=22", "node", "22", "22"],
    [">=24.1", "node", "24", "24"],
    [">=18", "node", null, "18"],
    [">16.0.0", "node", null, "16"],
    ["18 - 22", "node", "22", "18"],
    ["lts/iron", "node", "20"],
    ["lts/jod", "node", "22"],
    ["lts/*", "node", null],
    ["node", "node", null],
    ["latest", "node", null],
    ["*", "node", null],
    ["3.12", "python", "3.12"],
    ["3.12.4", "python", "3.12"],
    ["==3.11.*", "python", "3.11"],
    ["~=3.11.2", "python", "3.11"],
    ["~=3.11", "python", "3.11", "3.11"],
    ["~=3.10", "python", null, "3.10"],
    ["^3.12", "python", "3.12", "3.12"],
    ["^3.9", "python", null, "3.9"],
    ["~3.11", "python", "3.11"],
    [">=3.10,<3.13", "python", "3.12", "3.10"],
    [">=3.9, <4.0", "python", null, "3.9"],
    [">=3.12", "python", "3.12", "3.12"],
    ["<=3.12", "python", "3.12"],
    ["^3", "python", null],
    ["3", "python", null],
    ["1.22", "go", "1.22"],
    ["1.22.3", "go", "1.22"],
    ["1.21.0", "go", "1.21"],
  ];
  it.each(cases)("%s (%s) -> %s", (raw, language, value, min) => {
    const result = normaliseVersion(raw, language);
    expect(result.value).toBe(value);
    if (min !== undefined) expect(result.min).toBe(min);
    expect(result.reason).not.toBe("");
  });
});
