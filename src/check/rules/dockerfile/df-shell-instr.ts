// DF-SHELL-INSTR: change the shell with SHELL, not by relinking /bin/sh.
import { defineRule } from "../../rule.js";

export const dfShellInstr = defineRule({
  id: "DF-SHELL-INSTR",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "Change the shell with SHELL, not `ln -sf /bin/bash /bin/sh`",
  why: "Relinking /bin/sh changes the shell for every script in the image, including the distribution's own maintainer scripts.",
  fix: "Use `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]`.",
  refs: { hadolint: "DL4005" },
  check(model) {
    return model.runs
      .filter((r) => r.shell.commands.some((c) => c.name === "ln" && c.args.includes("/bin/sh")))
      .map((r) => ({ line: r.instr.line, message: "RUN relinks /bin/sh" }));
  },
});
