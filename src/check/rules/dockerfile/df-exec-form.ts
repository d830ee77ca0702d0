// DF-EXEC-FORM: CMD and ENTRYPOINT in JSON (exec) form, with double quotes.
import { execFormWords } from "../../parse/dockerfile.js";
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";

export const dfExecForm = defineRule({
  id: "DF-EXEC-FORM",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "CMD and ENTRYPOINT use the JSON (exec) form",
  why: "In shell form the app runs under /bin/sh -c, which does not pass SIGTERM on: `docker stop` waits and then kills it. JSON with single quotes is silently shell form.",
  fix: "Write `CMD [\"gunicorn\", \"app:app\"]` with double quotes (put an init such as tini in ENTRYPOINT).",
  refs: { hadolint: "DL3025", buildkit: "JSONArgsRecommended" },
  check(model) {
    const hits: Hit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== "CMD" && instr.keyword !== "ENTRYPOINT") continue;
      const text = instr.content.trim();
      if (text === "" || execFormWords(instr)) continue;
      if (text.startsWith("[") && !text.endsWith("]")) continue; // DF-SYNTAX-VALID reports it
      const message = text.startsWith("[")
        ? `${instr.keyword} looks like JSON but is not valid JSON (single quotes?), so it runs as a shell string`
        : `${instr.keyword} is in shell form`;
      hits.push({ line: instr.line, message });
    }
    return hits;
  },
});
