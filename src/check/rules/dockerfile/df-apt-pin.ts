// DF-APT-PIN: `apt-get install pkg=version` (a version from an ARG counts).
import { defineRule } from "../../rule.js";
import { APT_VALUED, isAptInstall, operands } from "./commands.js";

export const dfAptPin = defineRule({
  id: "DF-APT-PIN",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "apt packages are pinned (`pkg=version`, the version may come from an ARG)",
  why: "Unpinned packages make rebuilds differ silently. Debian removes old versions from its mirrors, so keep pins in ARGs where a bot can bump them.",
  fix: "Pin through an ARG: `ARG TINI_VERSION=0.19.0-1` then `apt-get install -y --no-install-recommends tini=${TINI_VERSION}`.",
  refs: { hadolint: "DL3008", cis: "4.7, 5.28" },
  check(model) {
    const hits = [];
    for (const run of model.runs) {
      for (const c of run.shell.commands) {
        if (!isAptInstall(c)) continue;
        const loose = operands(c, APT_VALUED).filter((p) => !p.includes("=") && !p.includes("/") && !p.endsWith(".deb"));
        if (loose.length) hits.push({ line: run.instr.line, message: `unpinned apt packages: ${loose.join(", ")}` });
      }
    }
    return hits;
  },
});
