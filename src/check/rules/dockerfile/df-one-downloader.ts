// DF-ONE-DOWNLOADER: curl or wget, not both.
import { defineRule } from "../../rule.js";

export const dfOneDownloader = defineRule({
  id: "DF-ONE-DOWNLOADER",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "Use curl or wget, not both",
  why: "Two downloaders mean two packages (and their CVEs) for one job.",
  fix: "Pick one tool for every download in the Dockerfile.",
  refs: { hadolint: "DL4001", trivy: "DS-0014" },
  check(model) {
    let first: string | undefined;
    const hits = [];
    for (const run of model.runs) {
      const tools = run.shell.commands.map((c) => c.name).filter((n) => n === "curl" || n === "wget");
      if (!tools.length) continue;
      first ??= tools[0];
      const other = tools.find((t) => t !== first);
      if (other) hits.push({ line: run.instr.line, message: `${other} used although ${first} is already used` });
    }
    return hits;
  },
});
