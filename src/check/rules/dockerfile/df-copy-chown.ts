// DF-COPY-CHOWN: ownership set while copying, not with a recursive chown layer.
import { hasFlag } from "../../parse/shell.js";
import { defineRule } from "../../rule.js";

export const dfCopyChown = defineRule({
  id: "DF-COPY-CHOWN",
  severity: "info",
  target: "dockerfile",
  on: "dockerfile",
  title: "Set ownership with `COPY --chown` (or keep files root-owned), not `chown -R`",
  why: "A recursive chown duplicates every file into a new layer, and usually makes the app's own code writable by the user it runs as.",
  fix: "Keep application files root-owned and read-only; create only the writable directories (`install -d -o 10001 -g 10001 /app/data`) or use `COPY --chown=10001:10001`.",
  refs: {},
  check(model) {
    return model.runs
      .filter((r) => r.shell.commands.some((c) => c.name === "chown" && hasFlag(c.args, ["recursive"], ["R"])))
      .map((r) => ({ line: r.instr.line, message: "chown -R rewrites every file into a new layer" }));
  },
});
