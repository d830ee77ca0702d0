// DF-COPY-FROM-VALID: `COPY --from` names an earlier stage (or an image), never itself.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";

export const dfCopyFromValid = defineRule({
  id: "DF-COPY-FROM-VALID",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "`COPY --from` names an earlier stage, not its own or a later one",
  why: "A name that is not an earlier stage is pulled as an image from Docker Hub: a typo turns into copying files out of a stranger's image.",
  fix: "Point --from at a stage defined above (`COPY --from=build ...`) or at a fully qualified, tagged image.",
  refs: { hadolint: "DL3022, DL3023", trivy: "DS-0006" },
  check(model) {
    const hits: Hit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== "COPY" || !instr.stage) continue;
      const from = instr.flags.find((f) => f.name === "from")?.value;
      if (!from || from.includes("$")) continue;
      const current = instr.stage;
      if (/^\d+$/.test(from)) {
        const n = Number(from);
        if (n === current.index) hits.push({ line: instr.line, message: `COPY --from=${from} refers to its own stage` });
        else if (n > current.index) hits.push({ line: instr.line, message: `COPY --from=${from} refers to a later stage` });
        continue;
      }
      const name = from.toLowerCase();
      const target = model.stages.find((s) => s.name === name);
      if (target === current) hits.push({ line: instr.line, message: `COPY --from=${from} refers to its own stage` });
      else if (target && target.index > current.index) hits.push({ line: instr.line, message: `COPY --from=${from} refers to a stage defined later` });
      else if (!target && !/[/:@.]/.test(from)) hits.push({ line: instr.line, message: `no stage named "${from}": Docker would pull the image ${from}:latest` });
    }
    return hits;
  },
});
