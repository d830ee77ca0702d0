// DF-RPM-FAMILY: yum/dnf/microdnf/zypper installs are non-interactive and clean their cache.
// Version pinning (DL3033/DL3041/DL3037) is not checked: RPM names contain dashes, so
// `name-version` cannot be told from a name without the repository metadata.
import { hasFlag } from "../../parse/shell.js";
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { hasCacheMount } from "./stages.js";

const YES: Record<string, [string[], string[]]> = {
  yum: [["assumeyes"], ["y"]],
  dnf: [["assumeyes"], ["y"]],
  microdnf: [["assumeyes"], ["y"]],
  zypper: [["non-interactive", "no-confirm"], ["n", "y"]],
};

export const dfRpmFamily = defineRule({
  id: "DF-RPM-FAMILY",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "yum/dnf/microdnf/zypper: `-y` and `clean all` in the same RUN",
  why: "Without -y the build stops at a prompt; without cleaning, the package cache stays in the layer.",
  fix: "`dnf install -y pkg && dnf clean all` (zypper: `zypper -n install pkg && zypper clean -a`).",
  refs: { hadolint: "DL3030, DL3032, DL3038, DL3040, DL3034, DL3036", trivy: "DS-0015, DS-0019, DS-0020, DS-0027" },
  check(model) {
    const hits: Hit[] = [];
    for (const run of model.runs) {
      for (const c of run.shell.commands) {
        const yes = YES[c.name];
        if (!yes || !(c.args.includes("install") || c.args.includes("in"))) continue;
        if (!hasFlag(c.args, yes[0], yes[1])) hits.push({ line: run.instr.line, message: `${c.name} install without -y` });
        const cleaned =
          run.shell.commands.some((d) => d.name === c.name && d.args.includes("clean")) ||
          run.shell.commands.some((d) => d.name === "rm" && d.args.some((a) => /^\/var\/cache\/(yum|dnf|zypp)/.test(a))) ||
          hasCacheMount(run, ["/var/cache/yum", "/var/cache/dnf", "/var/cache/zypp", "/var/cache/libdnf5"]);
        if (!cleaned) hits.push({ line: run.instr.line, message: `${c.name} install without ${c.name} clean all in the same RUN` });
      }
    }
    return hits;
  },
});
