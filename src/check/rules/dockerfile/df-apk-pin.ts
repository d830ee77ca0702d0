// DF-APK-PIN: `apk add pkg=version`.
import { defineRule } from "../../rule.js";
import { positionalArgs } from "../../parse/shell.js";

const VALUED = new Set(["-t", "--virtual", "-p", "--root", "-X", "--repository", "--progress-fd", "--wait", "--keys-dir", "--repositories-file", "--cache-dir", "--arch"]);

export const dfApkPin = defineRule({
  id: "DF-APK-PIN",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "apk packages are pinned (`pkg=version`)",
  why: "Unpinned packages make rebuilds differ silently; keep the version in an ARG so it can be bumped deliberately.",
  fix: "Pin: `apk add --no-cache tini=${TINI_VERSION}` (or `pkg~=1.2` for a minor range).",
  refs: { hadolint: "DL3018", cis: "5.28" },
  check(model) {
    const hits = [];
    for (const run of model.runs) {
      for (const c of run.shell.commands) {
        if (c.name !== "apk") continue;
        const pos = positionalArgs(c.args, VALUED);
        if (pos[0] !== "add") continue;
        const loose = pos.slice(1).filter((p) => !/[=<>~]/.test(p) && !p.endsWith(".apk") && !p.startsWith("."));
        if (loose.length) hits.push({ line: run.instr.line, message: `unpinned apk packages: ${loose.join(", ")}` });
      }
    }
    return hits;
  },
});
