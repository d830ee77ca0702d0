// `docker-scaffold [init] [dir]`: flags -> runInit -> printed result.
import { formatEvidence, formatStatuses } from "../../init/summary.js";
import { runInit } from "../../init/run-init.js";
import { initOptions, type InitFlags } from "../init-flags.js";
import type { CliIo } from "../io.js";

export { addInitOptions, flagAnswers, initOptions, type InitFlags } from "../init-flags.js";

export async function initAction(dir: string | undefined, f: InitFlags, io: CliIo): Promise<void> {
  if (f.check) {
    // The CI guard against drift: the same comparison as `update --check`.
    const { runAndPrint } = await import("./update.js");
    return runAndPrint({ ...initOptions(f), dir, cwd: io.cwd, check: true, requireRecorded: false }, f, io);
  }
  const interactive = !f.yes && !f.json && io.interactive;
  const prompter = interactive ? (await import("../../prompts/prompter.js")).createInquirerPrompter(io.stdout) : null;
  const result = await runInit({ ...initOptions(f), dir, cwd: io.cwd, prompter });
  if (f.json) {
    const starter = result.starter ? { id: result.starter.id, files: result.starter.files } : null;
    io.out(JSON.stringify({ dir: result.dir, dryRun: result.dryRun, files: result.files, answers: result.answers, sources: result.sources, starter }, null, 2));
    return;
  }
  if (f.explain && result.detection) io.out(formatEvidence(result.detection));
  const changed = result.decisions.some((d) => d.status === "create" || d.status === "update");
  const heading = result.dryRun ? "Dry run (nothing written)" : changed ? "Wrote" : "Nothing to write: every file is up to date";
  io.out(`${heading} in ${result.dir}:\n${formatStatuses(result.decisions)}`);
  if (f.diff && result.dryRun) {
    const diffs = (await import("../../init/diffs.js")).formatDiffs(result.decisions);
    if (diffs) io.out(diffs.trimEnd());
  }
  if (result.starter) {
    io.out(`\nStarter: a ${result.starter.label} app (${result.starter.entry}); its own test: ${result.starter.test}`);
  } else if (!interactive && result.existingApp === null && f.starter !== false) {
    io.out("\nThere is no app here yet: add --starter to write a minimal one for this stack next to the Docker files.");
  }
  if (!result.dryRun && changed) {
    io.out("\nNext: cp env.example .env && make compose-up   (README.Docker.md explains the rest)");
  }
}
