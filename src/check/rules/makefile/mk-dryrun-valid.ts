// MK-DRYRUN-VALID: the Makefile parses (what `make -n` would reject: missing separators,
// unbalanced conditionals, define without endef).
import { defineRule } from "../../rule.js";

export const mkDryrunValid = defineRule({
  id: "MK-DRYRUN-VALID",
  severity: "medium",
  target: "makefile",
  on: "makefile",
  title: "The Makefile parses (`make -n` accepts it)",
  why: "A syntax error breaks every target, not just the one with the mistake.",
  fix: "Indent recipe lines with a tab, and close every ifeq/define.",
  refs: {},
  check(model) {
    return model.problems.slice(0, 10).map((p) => ({ line: p.line, message: p.message }));
  },
});
