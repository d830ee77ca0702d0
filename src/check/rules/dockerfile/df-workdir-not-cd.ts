// DF-WORKDIR-NOT-CD: no `cd` in RUN; use WORKDIR.
import { defineRule } from "../../rule.js";

export const dfWorkdirNotCd = defineRule({
  id: "DF-WORKDIR-NOT-CD",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "Use WORKDIR, not `cd` in RUN",
  why: "`cd` lasts only for that RUN; later instructions run elsewhere, which is hard to read and easy to get wrong.",
  fix: "Set `WORKDIR /path` before the RUN (or use the tool's directory flag, e.g. `make -C dir`).",
  refs: { hadolint: "DL3003", trivy: "DS-0013" },
  check(model) {
    return model.runs
      .filter((r) => r.shell.commands.some((c) => c.name === "cd"))
      .map((r) => ({ line: r.instr.line, message: "RUN uses cd" }));
  },
});
