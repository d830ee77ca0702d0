// DF-COPY-RELATIVE-WORKDIR: a relative COPY destination only after WORKDIR (as DL3045).
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { copyDest } from "./copy-args.js";
import { stageChain } from "./stages.js";

export const dfCopyRelativeWorkdir = defineRule({
  id: "DF-COPY-RELATIVE-WORKDIR",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "COPY to a relative destination only after WORKDIR",
  why: "Without WORKDIR a relative destination lands in the base image's working directory, which can change with the base.",
  fix: "Set `WORKDIR /app` first, or copy to an absolute path.",
  refs: { hadolint: "DL3045" },
  check(model) {
    const hits: Hit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== "COPY" || !instr.stage) continue;
      const dest = copyDest(instr)?.replace(/^["']|["']$/g, "");
      if (dest === undefined || dest.startsWith("/") || dest.startsWith("$") || /^[A-Za-z]:[\\/]/.test(dest)) continue;
      const workdirSet = stageChain(instr.stage).some((s) => s.instructions.some((i) => i.keyword === "WORKDIR" && i.line < instr.line));
      if (!workdirSet) hits.push({ line: instr.line, message: `COPY to relative ${dest} with no WORKDIR set` });
    }
    return hits;
  },
});
