// Every rule has at least one failing and one passing example, and behaves on them.
import { describe, expect, it } from "vitest";
import { checkTexts, RULES } from "../../src/check/index.js";
import type { RuleCase, RuleCases } from "./rules/case.js";
import { COMPOSE_CASES } from "./rules/compose.cases.js";
import { DOCKERFILE_CASES } from "./rules/dockerfile.cases.js";
import { OTHER_CASES } from "./rules/others.cases.js";

const CASES: Record<string, RuleCases> = { ...DOCKERFILE_CASES, ...COMPOSE_CASES, ...OTHER_CASES };

function run(id: string, c: RuleCase) {
  const files = Object.entries(c.files).map(([path, text]) => ({ path, text }));
  return checkTexts(files, c.config ?? {}).filter((f) => f.ruleId === id);
}

describe("rule examples", () => {
  it("cover every rule", () => {
    const missing = RULES.map((r) => r.id).filter((id) => id !== "CHECK-RULE-ERROR" && (!CASES[id]?.fail.length || !CASES[id]?.pass.length));
    expect(missing).toEqual([]);
  });

  for (const [id, cases] of Object.entries(CASES)) {
    describe(id, () => {
      cases.fail.forEach((c, i) => {
        it(`fails example ${i + 1}`, () => {
          const found = run(id, c);
          expect(found.length, JSON.stringify(c.files)).toBeGreaterThan(0);
          if (c.line !== undefined) expect(found.map((f) => f.line), JSON.stringify(found)).toContain(c.line);
          const file = c.file ?? Object.keys(c.files)[0];
          expect(found.some((f) => f.file === file), JSON.stringify(found)).toBe(true);
        });
      });
      cases.pass.forEach((c, i) => {
        it(`passes example ${i + 1}`, () => {
          expect(run(id, c), JSON.stringify(c.files)).toEqual([]);
        });
      });
    });
  }
});
