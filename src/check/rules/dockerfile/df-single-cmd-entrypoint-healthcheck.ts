// DF-SINGLE-CMD-ENTRYPOINT-HEALTHCHECK: at most one CMD, ENTRYPOINT and HEALTHCHECK per stage.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";

const ONCE = ["CMD", "ENTRYPOINT", "HEALTHCHECK"];

export const dfSingleCmdEntrypointHealthcheck = defineRule({
  id: "DF-SINGLE-CMD-ENTRYPOINT-HEALTHCHECK",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "At most one CMD, ENTRYPOINT and HEALTHCHECK per stage",
  why: "Only the last one takes effect; the earlier ones mislead whoever reads the file.",
  fix: "Keep only the instruction you mean (the last one wins).",
  refs: { hadolint: "DL4003, DL4004, DL3012", trivy: "DS-0016, DS-0007, DS-0023", buildkit: "MultipleInstructionsDisallowed" },
  check(model) {
    const hits: Hit[] = [];
    for (const stage of model.stages) {
      for (const kw of ONCE) {
        const all = stage.instructions.filter((i) => i.keyword === kw);
        for (const extra of all.slice(1)) hits.push({ line: extra.line, message: `another ${kw} in this stage (first at line ${all[0]?.line}); only the last one counts` });
      }
    }
    return hits;
  },
});
