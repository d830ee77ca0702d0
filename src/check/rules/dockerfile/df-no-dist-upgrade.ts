// DF-NO-DIST-UPGRADE: no blanket upgrades in the build.
import { defineRule } from "../../rule.js";
import { APT_VALUED, subcommand } from "./commands.js";

const UPGRADES: Record<string, RegExp> = { "apt-get": /^(upgrade|dist-upgrade|full-upgrade)$/, apt: /^(upgrade|dist-upgrade|full-upgrade)$/, apk: /^upgrade$/ };

export const dfNoDistUpgrade = defineRule({
  id: "DF-NO-DIST-UPGRADE",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "No `apt-get upgrade` / `dist-upgrade` / `apk upgrade`",
  why: "A blanket upgrade makes the image depend on the day it was built and can pull in changes the base image maintainers deliberately held back.",
  fix: "Rebuild on a newer base tag (`docker build --pull`) instead of upgrading packages in place.",
  refs: { hadolint: "DL3005 (retired)", trivy: "DS-0024", dockle: "DKL-DI-0003" },
  check(model) {
    const hits = [];
    for (const run of model.runs) {
      for (const c of run.shell.commands) {
        const re = UPGRADES[c.name];
        const sub = re && subcommand(c, APT_VALUED);
        if (sub && re.test(sub)) hits.push({ line: run.instr.line, message: `${c.name} ${sub} upgrades every package in the build` });
      }
    }
    return hits;
  },
});
