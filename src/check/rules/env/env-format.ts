// ENV-FORMAT: KEY=value lines, UPPER_SNAKE keys, no spaces around =, no duplicates, no export.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";

export const envFormat = defineRule({
  id: "ENV-FORMAT",
  severity: "low",
  target: "env",
  on: "env",
  title: "`KEY=value` lines: UPPER_SNAKE keys, no spaces around `=`, no duplicates, no `export`",
  why: "Compose, docker --env-file and dotenv libraries parse these lines differently; the plain form is the one they all agree on.",
  fix: "Write `KEY=value` with an UPPER_SNAKE_CASE key, once.",
  refs: {},
  check(model) {
    const hits: Hit[] = model.bad.map((b) => ({ line: b.line, message: `not a KEY=value line: ${b.raw.trim().slice(0, 60)}` }));
    const seen = new Map<string, number>();
    for (const e of model.entries) {
      if (e.exported) hits.push({ line: e.line, message: `remove "export" before ${e.key}` });
      if (e.spacedEquals) hits.push({ line: e.line, message: `no spaces around = in ${e.key}` });
      if (!/^[A-Z][A-Z0-9_]*$/.test(e.key)) hits.push({ line: e.line, message: `${e.key} is not UPPER_SNAKE_CASE` });
      const first = seen.get(e.key);
      if (first !== undefined) hits.push({ line: e.line, message: `${e.key} is already set at line ${first}` });
      else seen.set(e.key, e.line);
    }
    return hits;
  },
});
