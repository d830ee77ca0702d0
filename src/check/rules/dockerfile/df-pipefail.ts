// DF-PIPEFAIL: a RUN with a pipe runs under `-o pipefail` (SHELL, inherited from a parent
// stage, or `set -o pipefail` before the pipe in the same RUN).
import { execFormWords, type Instr, type RunInfo } from "../../parse/dockerfile.js";
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { stageChain } from "./stages.js";

const NON_POSIX = /^(pwsh|powershell|cmd)(\.exe)?$/i;

export const dfPipefail = defineRule({
  id: "DF-PIPEFAIL",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "RUN with a pipe runs under `-o pipefail`",
  why: "/bin/sh only reports the last command of a pipeline: `curl ... | tar x` succeeds even when the download failed, and the image ships broken.",
  fix: "Add `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before the RUN (`[\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]` on Alpine).",
  refs: { hadolint: "DL4006" },
  check(model) {
    const hits: Hit[] = [];
    for (const run of model.runs) {
      if (run.execForm || !run.shell.pipelineLengths.some((n) => n > 1)) continue;
      if (shellHasPipefail(run) || setsPipefail(run)) continue;
      hits.push({ line: run.instr.line, message: "RUN pipes commands without pipefail: a failing first command goes unnoticed" });
    }
    return hits;
  },
});

function shellHasPipefail(run: RunInfo): boolean {
  const stage = run.instr.stage;
  if (!stage) return false;
  const shells = stageChain(stage)
    .flatMap((s) => s.instructions)
    .filter((i) => i.keyword === "SHELL" && i.line < run.instr.line);
  const last: Instr | undefined = shells[shells.length - 1];
  const words = last ? execFormWords(last) : undefined;
  if (!words) return false;
  if (NON_POSIX.test((words[0] ?? "").split(/[\\/]/).pop() ?? "")) return true;
  return words.some((w, i) => w === "pipefail" && /^-[a-z]*o$/.test(words[i - 1] ?? ""));
}

function setsPipefail(run: RunInfo): boolean {
  return run.shell.commands.some((c) => c.name === "set" && c.args.some((a, i) => a === "pipefail" && /^-[a-z]*o$/.test(c.args[i - 1] ?? "")));
}
