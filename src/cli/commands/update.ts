// `docker-scaffold update [dir]` (and `init --check`): flags -> runUpdate -> printed result.
import { DriftError, MergeConflictError, UsageError } from "../../errors.js";
import { formatUpdateDiffs, formatUpdateStatuses } from "../../update/summary.js";
import { runUpdate, type UpdateOptions, type UpdateResult } from "../../update/run-update.js";
import type { CliIo } from "../io.js";
import type { UpdateFlags } from "./update-options.js";

export async function updateAction(dir: string | undefined, f: UpdateFlags, io: CliIo): Promise<void> {
  const interactive = !f.json && io.interactive;
  if (f.conflict === "prompt" && !interactive) {
    throw new UsageError("--conflict prompt needs a terminal.\nfix: use --conflict fail, markers, ours or theirs");
  }
  const prompter = !f.check && !f.dryRun && interactive && (f.conflict ?? "prompt") === "prompt" ? (await import("../../prompts/prompter.js")).createInquirerPrompter(io.stdout) : null;
  const options: UpdateOptions = {
    dir,
    cwd: io.cwd,
    preset: f.preset,
    templates: f.template?.length ? f.template : undefined,
    offline: f.offline,
    refresh: f.refresh,
    set: f.set,
    values: f.value,
    app: f.app,
    detect: f.detect,
    conflict: f.conflict,
    prompter,
    prune: f.prune,
    allowDirty: f.allowDirty,
    check: f.check,
    dryRun: f.dryRun,
  };
  await runAndPrint(options, f, io);
}

/** Run, print the result (also when the run ends in a conflict or drift), rethrow its error. */
export async function runAndPrint(options: UpdateOptions, f: { json?: boolean; diff?: boolean }, io: CliIo): Promise<void> {
  let result: UpdateResult;
  try {
    result = await runUpdate(options);
  } catch (err) {
    if ((err instanceof DriftError || err instanceof MergeConflictError) && err.result) {
      const failed = err instanceof MergeConflictError && !err.written;
      printResult(err.result as UpdateResult, f, io, failed ? `Nothing written in ${(err.result as UpdateResult).dir} (conflicts)` : undefined);
    }
    throw err;
  }
  printResult(result, f, io);
}

function printResult(result: UpdateResult, f: { json?: boolean; diff?: boolean }, io: CliIo, headingOverride?: string): void {
  if (f.json) {
    const { dir, check, dryRun, written, files, drift, answers, sources } = result;
    io.out(JSON.stringify({ dir, check, dryRun, written, files, drift, answers, sources }, null, 2));
    return;
  }
  const heading = headingOverride ?? (result.check
    ? result.drift.length
      ? `Check of ${result.dir}: not up to date`
      : `Check of ${result.dir}: every file is what .docker-scaffold.yml produces`
    : result.dryRun
      ? `Dry run (nothing written) in ${result.dir}`
      : result.written
        ? `Updated ${result.dir}`
        : `Nothing to update: every file is up to date in ${result.dir}`);
  io.out(`${heading}:\n${formatUpdateStatuses(result.files)}`);
  if (f.diff) {
    const diffs = formatUpdateDiffs(result.changes);
    if (diffs) io.out(diffs.trimEnd());
  }
}
