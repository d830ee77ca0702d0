// runUpdate: the `update` command (and `init --check`) as a library function. Re-resolves
// the answers from .docker-scaffold.yml (and --set/--preset), re-renders, merges each file
// with your edits against the last generated version, and writes all files or none.
import { DriftError, MergeConflictError, UsageError } from "../errors.js";
import type { Answers } from "../model/answers.js";
import type { MergeStrategy } from "../model/plan.js";
import type { Sources } from "../model/resolve.js";
import { prepareRun, type PrepareOptions, type Prepared } from "../init/prepare.js";
import type { Prompter } from "../prompts/prompter.js";
import { ANSWERS_FILE, renderAnswersFile } from "../render/answers-file.js";
import { applyDecisions, readCurrent } from "../write/apply.js";
import type { FileDecision } from "../write/decide.js";
import { gitDirtyPaths } from "./git-state.js";
import { hasConflictMarkers, type Resolution } from "./merge-lines.js";
import { planUpdate, type UpdateDecision, type UpdateStatus } from "./plan-update.js";
import { basePath, decideBases, updateRecords } from "./records.js";
import type { ConflictMode } from "./conflict-mode.js";
import { resolveConflicts } from "./resolve-conflicts.js";

export interface UpdateOptions extends Omit<PrepareOptions, "prompter"> {
  /** What to do with conflicts (default: prompt when a prompter is given, else fail). */
  conflict?: ConflictMode;
  /** Asks about conflicts (update never asks for answers). */
  prompter?: Prompter | null;
  /** Delete files that are no longer generated (only as docker-scaffold wrote them). */
  prune?: boolean;
  /** Write even when git has uncommitted changes here. */
  allowDirty?: boolean;
  /** Write nothing; throw DriftError when a file is not what would be written. */
  check?: boolean;
  /** Write nothing; report what would happen. */
  dryRun?: boolean;
  /** Refuse a directory without .docker-scaffold.yml (default true; `init --check` does not). */
  requireRecorded?: boolean;
}

/** One file's outcome, as printed and as `--json` gives it. */
export interface UpdateFile {
  path: string;
  status: UpdateStatus;
  /** null for .docker-scaffold.yml (it is the record, rewritten from its answers). */
  strategy: MergeStrategy | null;
  /** Whether you changed it since docker-scaffold last wrote it (null: not known). */
  edited: boolean | null;
  conflicts?: number;
  resolution?: Resolution;
  note?: string;
}

export interface UpdateResult {
  dir: string;
  check: boolean;
  dryRun: boolean;
  /** Whether anything was written. */
  written: boolean;
  files: UpdateFile[];
  /** Files that differ from what the answers produce now (what --check fails on). */
  drift: string[];
  /** Every file with its content before and after (for diffs). */
  changes: { path: string; current: string | null; next: string | null; changes: boolean }[];
  answers: Answers;
  sources: Sources;
}

const CHANGES: readonly UpdateStatus[] = ["create", "update", "merged", "conflict", "pruned"];

export async function runUpdate(options: UpdateOptions): Promise<UpdateResult> {
  const check = options.check ?? false;
  const dryRun = check || (options.dryRun ?? false);
  const prepared = await prepareRun({ ...options, prompter: null, requireRecorded: options.requireRecorded ?? true });
  const { dir, recorded, rendered } = prepared;
  if (!dryRun && !options.allowDirty) await requireCleanTree(dir);

  const records = recorded?.files ?? {};
  const orphanPaths = Object.keys(records).filter((p) => !rendered.some((f) => f.path === p));
  const current = new Map([...prepared.current, ...(await readCurrent(dir, orphanPaths))]);
  const basePaths = [...rendered.map((f) => f.path as string), ...orphanPaths];
  const baseFiles = await readCurrent(dir, basePaths.map(basePath));
  const bases = new Map(basePaths.map((p) => [p, baseFiles.get(basePath(p)) ?? null]));
  let decisions = planUpdate({ rendered, current, bases, records, prune: options.prune ?? false });

  if (!dryRun) {
    const mode = options.conflict ?? (options.prompter ? "prompt" : "fail");
    try {
      decisions = await resolveConflicts(decisions, mode, options.prompter ?? null);
    } catch (err) {
      // For --json: what would have happened, nothing written.
      if (err instanceof MergeConflictError) err.result = summarize(false, true, decisions, null, prepared);
      throw err;
    }
  }

  const answersFile = prepared.writesAnswersFile ? answersFileChange(prepared, decisions) : null;
  const result = summarize(check, dryRun, decisions, answersFile, prepared);
  if (check) {
    if (result.drift.length) throw new DriftError(result.drift, result);
    return result;
  }
  if (dryRun) return result;

  const writes: FileDecision[] = [];
  const remove: string[] = [];
  for (const d of decisions) {
    if (d.status === "pruned" || d.status === "forgotten") {
      if (d.status === "pruned" && d.next === null) remove.push(d.path);
      if (bases.get(d.path) != null) remove.push(basePath(d.path));
    }
    if (d.next !== null && d.next !== d.current && d.status !== "orphaned" && d.status !== "kept") {
      writes.push({ path: d.path, status: d.current === null ? "create" : "update", current: d.current, next: d.next });
    }
  }
  if (answersFile && answersFile.next !== answersFile.current) writes.push({ path: ANSWERS_FILE, status: answersFile.current === null ? "create" : "update", current: answersFile.current, next: answersFile.next });
  writes.push(...decideBases(rendered, baseFiles));
  await applyDecisions(dir, writes, { remove });
  result.written = writes.some((w) => w.status !== "identical") || remove.length > 0;

  const marked = decisions.filter((d) => d.resolution === "markers").map((d) => d.path);
  if (marked.length) throw new MergeConflictError(marked, true, "", result);
  return result;
}

async function requireCleanTree(dir: string): Promise<void> {
  const dirty = await gitDirtyPaths(dir);
  if (!dirty || !dirty.length) return;
  const shown = dirty.slice(0, 10).map((p) => `  - ${p}`);
  if (dirty.length > shown.length) shown.push(`  ... and ${dirty.length - shown.length} more`);
  throw new UsageError(
    `update rewrites files, and git has uncommitted changes here:\n${shown.join("\n")}\n` +
      "fix: commit or stash them first (then `git diff` shows what update did), or pass --allow-dirty",
  );
}

/** .docker-scaffold.yml as this run leaves it: the answers, and the record of every file. */
function answersFileChange(prepared: Prepared, decisions: readonly UpdateDecision[]): { current: string | null; next: string } {
  const next = renderAnswersFile(prepared.plan, updateRecords(prepared.recorded?.files ?? {}, decisions));
  return { current: prepared.current.get(ANSWERS_FILE) ?? null, next };
}

function summarize(
  check: boolean,
  dryRun: boolean,
  decisions: readonly UpdateDecision[],
  answersFile: { current: string | null; next: string } | null,
  prepared: Prepared,
): UpdateResult {
  // A file left with markers by an earlier `--conflict markers` is not done: --check says so.
  const marked = (d: UpdateDecision) => d.resolution !== "markers" && hasConflictMarkers(d.next);
  const files: UpdateFile[] = decisions.map((d) => ({
    path: d.path,
    status: d.status,
    strategy: d.strategy,
    edited: d.edited,
    ...(d.conflict ? { conflicts: d.conflict.count } : {}),
    ...(d.resolution ? { resolution: d.resolution } : {}),
    ...(marked(d) ? { note: "still has conflict markers: resolve them" } : d.note ? { note: d.note } : {}),
  }));
  const changes = decisions.map((d) => ({
    path: d.path,
    current: d.current,
    next: d.status === "conflict" && !d.resolution ? (d.conflict?.resolutions.markers ?? d.next) : d.next,
    changes: CHANGES.includes(d.status) || marked(d),
  }));
  if (answersFile) {
    const status: UpdateStatus = answersFile.current === null ? "create" : answersFile.current === answersFile.next ? "identical" : "update";
    files.push({ path: ANSWERS_FILE, status, strategy: null, edited: null, ...(status === "update" ? { note: "rewritten from its answers" } : {}) });
    changes.push({ path: ANSWERS_FILE, current: answersFile.current, next: answersFile.next, changes: status !== "identical" });
  }
  return {
    dir: prepared.dir,
    check,
    dryRun,
    written: false,
    files,
    drift: changes.filter((c) => c.changes).map((c) => c.path),
    changes,
    answers: prepared.resolved.answers,
    sources: prepared.resolved.sources,
  };
}
