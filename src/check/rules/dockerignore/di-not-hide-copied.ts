// DI-NOT-HIDE-COPIED: nothing the Dockerfile COPYs is excluded by .dockerignore.
// Reported at the COPY line, as BuildKit's CopyIgnoredFile does.
import { defineRule, ignoreFor } from "../../rule.js";
import type { Hit } from "../../types.js";
import { addSources, isRemote } from "../dockerfile/copy-args.js";

export const diNotHideCopied = defineRule({
  id: "DI-NOT-HIDE-COPIED",
  severity: "high",
  target: "dockerignore",
  on: "dockerfile",
  title: "Nothing the Dockerfile COPYs is excluded by .dockerignore",
  why: "An excluded source makes the build fail with \"not found\", or silently copies an empty directory.",
  fix: "Remove or narrow the .dockerignore pattern, or add a `!path` exception after it.",
  refs: { buildkit: "CopyIgnoredFile (experimental)" },
  check(model, ctx) {
    const ignore = ignoreFor(ctx.dir, model);
    if (!ignore) return [];
    const hits: Hit[] = [];
    for (const instr of model.instructions) {
      if ((instr.keyword !== "COPY" && instr.keyword !== "ADD") || instr.flags.some((f) => f.name === "from")) continue;
      for (const src of addSources(instr)) {
        if (isRemote(src) || /[*?[$]/.test(src)) continue;
        const path = src.replace(/^["']|["']$/g, "");
        if (!ignore.ignores(path)) continue;
        const line = ignore.decidingLine(path);
        hits.push({ line: instr.line, message: `${instr.keyword} ${src}: excluded by ${ignore.file.base}${line ? ` line ${line}` : ""}` });
      }
    }
    return hits;
  },
});
