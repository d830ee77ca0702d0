// MK-PHONY: targets that are not files are declared .PHONY.
import { defineRule } from "../../rule.js";

export const mkPhony = defineRule({
  id: "MK-PHONY",
  severity: "low",
  target: "makefile",
  on: "makefile",
  title: "Every non-file target is listed in .PHONY",
  why: "If a file named like the target appears (a `build` directory, a `test` file), make thinks the target is up to date and silently does nothing.",
  fix: "Add the target to `.PHONY: ...`.",
  refs: {},
  check(model) {
    const hits = [];
    for (const rule of model.rules) {
      for (const t of rule.targets) {
        if (t.startsWith(".") || /[/.%$(]/.test(t) || model.phony.has(t)) continue;
        hits.push({ line: rule.line, message: `target ${t} is not declared .PHONY` });
      }
    }
    return hits;
  },
});
