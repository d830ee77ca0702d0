// DF-APT-CLEAN: apt lists are removed in the RUN that fetched them (or live in a cache mount).
// As hadolint's DL3009: only for the final stage and for stages other stages build on.
import { defineRule } from "../../rule.js";
import { APT, APT_VALUED, subcommand } from "./commands.js";
import { hasCacheMount } from "./stages.js";

export const dfAptClean = defineRule({
  id: "DF-APT-CLEAN",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "`rm -rf /var/lib/apt/lists/*` in the same RUN as `apt-get update` (or apt cache mounts)",
  why: "Package lists left in a layer add tens of megabytes to every image built on it and go stale anyway.",
  fix: "End the RUN with `&& rm -rf /var/lib/apt/lists/*`, or mount `--mount=type=cache,target=/var/lib/apt/lists`.",
  refs: { hadolint: "DL3009", dockle: "DKL-DI-0005" },
  check(model) {
    const last = model.stages[model.stages.length - 1];
    const parents = new Set(model.stages.map((s) => s.parent).filter(Boolean));
    const hits = [];
    for (const run of model.runs) {
      const stage = run.instr.stage;
      if (stage && stage !== last && !parents.has(stage)) continue;
      if (!run.shell.commands.some((c) => APT.includes(c.name) && subcommand(c, APT_VALUED) === "update")) continue;
      const cleans = run.shell.commands.some((c) => c.name === "rm" && c.args.some((a) => a.startsWith("/var/lib/apt/lists")));
      const mounted = hasCacheMount(run, ["/var/lib/apt/lists"]) || (hasCacheMount(run, ["/var/lib/apt"]) && hasCacheMount(run, ["/var/cache/apt"]));
      if (!cleans && !mounted) hits.push({ line: run.instr.line, message: "apt lists are left in the layer: add rm -rf /var/lib/apt/lists/*" });
    }
    return hits;
  },
});
