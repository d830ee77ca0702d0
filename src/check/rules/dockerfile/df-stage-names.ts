// DF-STAGE-NAMES: stage names unique, lower-case, not reserved; `AS` cased like `FROM`.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";

const RESERVED = new Set(["scratch", "context"]);

export const dfStageNames = defineRule({
  id: "DF-STAGE-NAMES",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "Stage names are unique, lower-case and not reserved; `AS` is cased like `FROM`",
  why: "A duplicate name makes `COPY --from` and `--target` pick a stage you did not mean; `scratch`/`context` are reserved words.",
  fix: "Give each stage its own lower-case name: `FROM python:3.12-slim AS build`.",
  refs: { hadolint: "DL3024, DL3063", trivy: "DS-0012", checkov: "CKV_DOCKER_11", buildkit: "DuplicateStageName, StageNameCasing, ReservedStageName, FromAsCasing" },
  check(model) {
    const hits: Hit[] = [];
    const seen = new Map<string, number>();
    for (const stage of model.stages) {
      const words = stage.from.words;
      const asIndex = words.findIndex((w) => w.toLowerCase() === "as");
      const rawName = asIndex >= 0 ? words[asIndex + 1] : undefined;
      if (rawName === undefined || stage.name === undefined) continue;
      const line = stage.from.line;
      const prev = seen.get(stage.name);
      if (prev !== undefined) hits.push({ line, message: `stage name "${rawName}" is already used at line ${prev}` });
      else seen.set(stage.name, line);
      if (rawName !== rawName.toLowerCase()) hits.push({ line, message: `stage name "${rawName}" should be lower-case` });
      if (RESERVED.has(stage.name)) hits.push({ line, message: `"${rawName}" is a reserved stage name` });
      const fromWord = stage.from.node.getInstruction();
      const asWord = words[asIndex] ?? "";
      const fromUpper = fromWord === fromWord.toUpperCase();
      if (fromUpper !== (asWord === asWord.toUpperCase())) hits.push({ line, message: `"${asWord}" is not cased like "${fromWord}"` });
    }
    return hits;
  },
});
