// DF-ONBUILD: no FROM, MAINTAINER or ONBUILD inside ONBUILD.
import { defineRule } from "../../rule.js";

const FORBIDDEN = new Set(["FROM", "MAINTAINER", "ONBUILD"]);

export const dfOnbuild = defineRule({
  id: "DF-ONBUILD",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "ONBUILD does not trigger FROM, MAINTAINER or ONBUILD",
  why: "Docker rejects these triggers when a child image builds on this one, breaking every downstream build.",
  fix: "Remove the trigger; put that instruction directly in the child Dockerfile.",
  refs: { hadolint: "DL3043" },
  check(model) {
    const hits = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== "ONBUILD") continue;
      const trigger = (instr.words[0] ?? "").toUpperCase();
      if (FORBIDDEN.has(trigger)) hits.push({ line: instr.line, message: `ONBUILD ${trigger} is not allowed` });
    }
    return hits;
  },
});
