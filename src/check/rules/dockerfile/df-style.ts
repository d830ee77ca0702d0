// DF-STYLE: upper-case instructions, `ENV k=v` form, no empty continuation lines,
// valid label keys (DL3048), and no run of tiny consecutive RUNs (DL3059, as hadolint counts it).
import { ValidationCode } from "dockerfile-utils";
import type { DockerfileModel } from "../../parse/dockerfile.js";
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { diagnosticsOf } from "./validation.js";

interface Prop {
  getName(): string;
  getAssignmentOperator(): string | null;
}

const LABEL_KEY = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const RESERVED_LABELS = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/;

export const dfStyle = defineRule({
  id: "DF-STYLE",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "Consistent style: upper-case instructions, `ENV key=value`, valid label keys, no empty continuation lines, no tiny consecutive RUNs",
  why: "Consistent files are easier to review; the legacy `ENV key value` form and empty continuation lines are deprecated and surprise readers.",
  fix: "Follow the message: upper-case the instruction, write `ENV KEY=value`, or merge the RUNs.",
  refs: { hadolint: "DL3059, DL3048", buildkit: "ConsistentInstructionCasing, LegacyKeyValueFormat, NoEmptyContinuation" },
  check(model) {
    const hits: Hit[] = [];
    for (const instr of model.instructions) {
      const word = instr.node.getInstruction();
      if (word !== word.toUpperCase()) hits.push({ line: instr.line, message: `write ${word} in upper case` });
      if (instr.keyword === "ENV" || instr.keyword === "LABEL") {
        const props = (instr.node as unknown as { getProperties(): Prop[] }).getProperties();
        if (props.some((p) => p.getAssignmentOperator() === null)) hits.push({ line: instr.line, message: `${instr.keyword} uses the legacy "key value" form: write key=value` });
        if (instr.keyword === "LABEL") {
          for (const p of props) {
            const key = p.getName().replace(/^["']|["']$/g, "");
            if (!LABEL_KEY.test(key) || RESERVED_LABELS.test(key)) hits.push({ line: instr.line, message: `label key "${key}" is not a valid lower-case reverse-DNS key` });
          }
        }
      }
    }
    for (const d of diagnosticsOf(model)) {
      if (Number(d.code) === ValidationCode.EMPTY_CONTINUATION_LINE) hits.push({ line: d.range.start.line + 1, message: "empty continuation line" });
    }
    hits.push(...consecutiveRuns(model));
    return hits;
  },
});

function consecutiveRuns(model: DockerfileModel): Hit[] {
  const hits: Hit[] = [];
  let prev: { flags: string; count: number } | undefined;
  for (const instr of model.instructions) {
    if (instr.keyword !== "RUN") {
      prev = undefined;
      continue;
    }
    const run = model.runs.find((r) => r.instr === instr);
    const count = run?.shell.commands.length ?? 0;
    const flags = JSON.stringify(instr.flags);
    if (prev && prev.flags === flags && count <= 2 && prev.count <= 2) {
      hits.push({ line: instr.line, message: "consecutive RUN instructions: consider merging them" });
    }
    prev = { flags, count };
  }
  return hits;
}
