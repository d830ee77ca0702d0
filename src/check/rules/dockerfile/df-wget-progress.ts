// DF-WGET-PROGRESS: wget without a progress bar spamming the build log.
import { hasFlag } from "../../parse/shell.js";
import { defineRule } from "../../rule.js";

export const dfWgetProgress = defineRule({
  id: "DF-WGET-PROGRESS",
  severity: "info",
  target: "dockerfile",
  on: "dockerfile",
  title: "`wget --progress=dot:giga` or `-q`",
  why: "wget's default progress output writes thousands of lines into build logs.",
  fix: "Add `-q` (or `--progress=dot:giga`).",
  refs: { hadolint: "DL3047" },
  check(model) {
    const hits = [];
    for (const run of model.runs) {
      for (const c of run.shell.commands) {
        if (c.name !== "wget") continue;
        if (c.args.includes("-nv") || hasFlag(c.args, ["progress", "quiet", "output-file", "append-output", "no-verbose"], ["q", "o", "a"])) continue;
        hits.push({ line: run.instr.line, message: "wget without -q or --progress" });
      }
    }
    return hits;
  },
});
