// DF-APT-UPDATE-WITH-INSTALL: `apt-get update` and `install` in the same RUN.
import { defineRule } from "../../rule.js";
import { APT, APT_VALUED, isAptInstall, subcommand } from "./commands.js";

export const dfAptUpdateWithInstall = defineRule({
  id: "DF-APT-UPDATE-WITH-INSTALL",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "`apt-get update` runs in the same RUN as `apt-get install`",
  why: "A lone `apt-get update` layer is cached: later installs use stale package lists and can install outdated, vulnerable versions or fail.",
  fix: "Combine them: `RUN apt-get update && apt-get install -y --no-install-recommends ... && rm -rf /var/lib/apt/lists/*`.",
  refs: { trivy: "DS-0017", dockle: "CIS-DI-0007", checkov: "CKV_DOCKER_5", cis: "4.7" },
  check(model) {
    return model.runs
      .filter((r) => r.shell.commands.some((c) => APT.includes(c.name) && subcommand(c, APT_VALUED) === "update"))
      .filter((r) => !r.shell.commands.some(isAptInstall))
      .map((r) => ({ line: r.instr.line, message: "apt-get update without an install in the same RUN" }));
  },
});
