// DF-APK-NO-CACHE: `apk add --no-cache` (or a cache mount).
import { defineRule } from "../../rule.js";
import { hasCacheMount } from "./stages.js";

export const dfApkNoCache = defineRule({
  id: "DF-APK-NO-CACHE",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "`apk add --no-cache`",
  why: "Without --no-cache apk keeps its index in the layer, adding size and stale metadata to the image.",
  fix: "Use `apk add --no-cache ...` (or `--mount=type=cache,target=/var/cache/apk`).",
  refs: { hadolint: "DL3019", trivy: "DS-0025", dockle: "DKL-DI-0004" },
  check(model) {
    const hits = [];
    for (const run of model.runs) {
      if (hasCacheMount(run, ["/var/cache/apk", "/etc/apk/cache"])) continue;
      for (const c of run.shell.commands) {
        if (c.name !== "apk" || !c.args.includes("add") || c.args.includes("--no-cache")) continue;
        hits.push({ line: run.instr.line, message: "apk add without --no-cache" });
      }
    }
    return hits;
  },
});
