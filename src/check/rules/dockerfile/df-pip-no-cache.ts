// DF-PIP-NO-CACHE: `pip install --no-cache-dir`, PIP_NO_CACHE_DIR, or a pip cache mount.
import { defineRule } from "../../rule.js";
import { inlineTruthy, pipInstallArgs } from "./commands.js";
import { effectiveInstructions, hasCacheMount, resolveVar } from "./stages.js";

export const dfPipNoCache = defineRule({
  id: "DF-PIP-NO-CACHE",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "`pip install --no-cache-dir` (or PIP_NO_CACHE_DIR=1, or a cache mount)",
  why: "pip's wheel cache ends up in the layer and adds its size to the image for nothing. A BuildKit cache mount keeps it out of the image, as hadolint also accepts.",
  fix: "Add `--no-cache-dir`, or `RUN --mount=type=cache,target=/root/.cache/pip pip install ...`.",
  refs: { hadolint: "DL3042" },
  check(model) {
    const hits = [];
    for (const run of model.runs) {
      const env = resolveVar(model, "PIP_NO_CACHE_DIR", run.instr.line);
      if (env !== undefined && env !== null && /^(1|true|yes|on)$/i.test(env)) continue;
      const stage = run.instr.stage;
      if (stage && effectiveInstructions(stage).some((i) => i.keyword === "ENV" && /PIP_NO_CACHE_DIR=["']?(1|true|yes|on)\b/i.test(i.content) && i.line < run.instr.line)) continue;
      if (inlineTruthy(run, "PIP_NO_CACHE_DIR")) continue;
      const cacheDir = resolveVar(model, "PIP_CACHE_DIR", run.instr.line);
      const prefixes = ["/root/.cache", "/root/.cache/pip", ...(cacheDir ? [cacheDir] : [])];
      if (hasCacheMount(run, prefixes) || run.mounts.some((m) => m.type === "cache" && /pip/.test(m.target ?? m.dst ?? ""))) continue;
      for (const c of run.shell.commands) {
        const args = pipInstallArgs(c);
        if (!args || args.includes("--no-cache-dir")) continue;
        if (c.assignments.some((a) => /^PIP_NO_CACHE_DIR=(1|true|yes|on)$/i.test(a))) continue;
        hits.push({ line: run.instr.line, message: "pip install without --no-cache-dir" });
      }
    }
    return hits;
  },
});
