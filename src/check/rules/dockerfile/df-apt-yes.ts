// DF-APT-YES: `apt-get install -y`.
import { hasFlag } from "../../parse/shell.js";
import { defineRule } from "../../rule.js";
import { isAptInstall } from "./commands.js";

export const dfAptYes = defineRule({
  id: "DF-APT-YES",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "`apt-get install` answers yes (`-y`)",
  why: "Without -y apt waits for a confirmation that a build never gives and the build fails (or aborts on the first prompt).",
  fix: "Add `-y`: `apt-get install -y --no-install-recommends ...`.",
  refs: { hadolint: "DL3014", trivy: "DS-0021" },
  check(model) {
    const hits = [];
    for (const run of model.runs) {
      for (const c of run.shell.commands) {
        if (!isAptInstall(c)) continue;
        if (hasFlag(c.args, ["yes", "assume-yes", "force-yes"], ["y", "qq"]) || c.args.includes("-q=2") || c.args.includes("--quiet=2")) continue;
        hits.push({ line: run.instr.line, message: `${c.name} install without -y` });
      }
    }
    return hits;
  },
});
