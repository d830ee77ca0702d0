// DF-SYNTAX-VALID: the Dockerfile parses (dockerfile-utils' validator) and has no
// unterminated heredoc or JSON array. Codes that another rule owns are left to it.
import { ValidationCode } from "dockerfile-utils";
import { defineRule } from "../../rule.js";
import { diagnosticsOf } from "./validation.js";
import type { Hit } from "../../types.js";

const OWNED_ELSEWHERE = new Set<number>([
  ValidationCode.INVALID_DESTINATION, // DF-COPY-MULTI-DEST
  ValidationCode.DUPLICATE_BUILD_STAGE_NAME, // DF-STAGE-NAMES
  ValidationCode.INVALID_PORT, // DF-PORT-VALID
  ValidationCode.INVALID_PROTO, // DF-PORT-VALID
  ValidationCode.ONBUILD_CHAINING_DISALLOWED, // DF-ONBUILD
  ValidationCode.ONBUILD_TRIGGER_DISALLOWED, // DF-ONBUILD
  ValidationCode.JSON_IN_SINGLE_QUOTES, // DF-EXEC-FORM
]);
const JSON_INSTRUCTIONS = new Set(["CMD", "ENTRYPOINT", "RUN", "SHELL", "VOLUME", "COPY", "ADD"]);
const MAX_HITS = 20;

export const dfSyntaxValid = defineRule({
  id: "DF-SYNTAX-VALID",
  severity: "critical",
  target: "dockerfile",
  on: "dockerfile",
  title: "Dockerfile parses: known instructions and flags, valid durations, terminated heredocs and JSON arrays",
  why: "A Dockerfile that does not parse fails the build, or worse, is read differently from what its author meant (an unterminated JSON array runs as a shell string).",
  fix: "Correct the instruction at this line (see the message).",
  refs: { hadolint: "DL1000 (parse error)", buildkit: "build fails" },
  check(model) {
    const hits: Hit[] = [];
    if (model.file.text.trim() === "") return [{ line: 1, message: "the Dockerfile is empty: it needs at least a FROM" }];
    for (const d of diagnosticsOf(model)) {
      if (d.severity !== 1 || OWNED_ELSEWHERE.has(Number(d.code))) continue;
      hits.push({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: typeof d.message === "string" ? d.message : d.message.value });
    }
    for (const instr of model.instructions) {
      const node = instr.node as unknown as { getHeredocs?(): { getName(): string; getDelimiterRange(): unknown }[] };
      for (const h of node.getHeredocs?.() ?? []) {
        if (h.getDelimiterRange() === null) hits.push({ line: instr.line, message: `heredoc <<${h.getName()} is never terminated: add a line with just ${h.getName()}` });
      }
      const text = instr.content.trim();
      if (JSON_INSTRUCTIONS.has(instr.keyword) && text.startsWith("[") && !text.endsWith("]") && !text.includes("<<")) {
        hits.push({ line: instr.line, message: `${instr.keyword} starts a JSON array that is never closed with ]` });
      }
    }
    return hits.slice(0, MAX_HITS);
  },
});
