// DF-APT-NO-RECOMMENDS: `apt-get install --no-install-recommends`.
import { defineRule } from "../../rule.js";
import { isAptInstall } from "./commands.js";

export const dfAptNoRecommends = defineRule({
  id: "DF-APT-NO-RECOMMENDS",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "`apt-get install` uses `--no-install-recommends`",
  why: "Recommended packages are not needed to run the app; they double the image size and add CVEs.",
  fix: "Add `--no-install-recommends` to every `apt-get install`.",
  refs: { hadolint: "DL3015", trivy: "DS-0029", cis: "4.3" },
  check(model) {
    const hits = [];
    for (const run of model.runs) {
      for (const c of run.shell.commands) {
        if (!isAptInstall(c)) continue;
        const text = c.args.join(" ");
        if (c.args.includes("--no-install-recommends") || /Install-Recommends=(false|0|no)/i.test(text)) continue;
        hits.push({ line: run.instr.line, message: `${c.name} install without --no-install-recommends` });
      }
    }
    return hits;
  },
});
