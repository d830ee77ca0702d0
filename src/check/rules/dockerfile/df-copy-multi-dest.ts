// DF-COPY-MULTI-DEST: COPY/ADD with several sources copies into a directory ending in /.
import { defineRule } from "../../rule.js";
import { copyWords } from "./copy-args.js";

export const dfCopyMultiDest = defineRule({
  id: "DF-COPY-MULTI-DEST",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "COPY with more than one source ends its destination with /",
  why: "With several sources the destination must be a directory; without the slash the build fails.",
  fix: "End the destination with a slash: `COPY a.txt b.txt /app/`.",
  refs: { hadolint: "DL3021", trivy: "DS-0011" },
  check(model) {
    return model.instructions
      .filter((i) => i.keyword === "COPY" || i.keyword === "ADD")
      .filter((i) => {
        const w = copyWords(i);
        const dest = w[w.length - 1] ?? "";
        return w.length > 2 && !/[/\\]$/.test(dest) && !/^\$\{?\w+\}?$/.test(dest);
      })
      .map((i) => ({ line: i.line, message: `${i.keyword} has several sources but the destination does not end with /` }));
  },
});
