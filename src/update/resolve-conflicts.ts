// What to do with conflicting files: `--conflict prompt|fail|markers|ours|theirs`. Each
// resolution is already computed by planUpdate; this only chooses (and asks, file by file,
// on a terminal). Nothing here writes.
import { createTwoFilesPatch } from "diff";
import { CancelledError, MergeConflictError } from "../errors.js";
import type { Prompter } from "../prompts/prompter.js";
import type { Resolution } from "./merge-lines.js";
import type { UpdateDecision } from "./plan-update.js";

import type { ConflictMode } from "./conflict-mode.js";

const conflictsOf = (decisions: readonly UpdateDecision[]) => decisions.filter((d) => d.status === "conflict" && d.conflict);

export function formatConflicts(decisions: readonly UpdateDecision[]): string {
  return conflictsOf(decisions)
    .map((d) => d.conflict!.hunks)
    .join("\n");
}

function choose(d: UpdateDecision, resolution: Resolution): UpdateDecision {
  const next = d.conflict!.resolutions[resolution];
  if (next === undefined) throw new MergeConflictError([d.path], false, `${d.conflict!.hunks}\n(--conflict ${resolution} cannot resolve this one; --conflict ours keeps your file)`);
  return { ...d, next, resolution };
}

/**
 * Resolve every conflict the given way. `fail` throws (exit 3, the conflicting hunks in the
 * message, nothing written); `prompt` asks per file (keep mine / take theirs / show diff /
 * write markers / abort); abort throws CancelledError.
 */
export async function resolveConflicts(decisions: readonly UpdateDecision[], mode: ConflictMode, prompter: Prompter | null): Promise<UpdateDecision[]> {
  const conflicts = conflictsOf(decisions);
  if (!conflicts.length) return [...decisions];
  if (mode === "fail" || (mode === "prompt" && !prompter)) {
    throw new MergeConflictError(conflicts.map((d) => d.path), false, formatConflicts(conflicts));
  }
  const out: UpdateDecision[] = [];
  for (const d of decisions) {
    if (d.status !== "conflict" || !d.conflict) out.push(d);
    else if (mode === "prompt") out.push(choose(d, await ask(prompter!, d)));
    else out.push(choose(d, mode));
  }
  return out;
}

type Choice = Resolution | "diff" | "abort";

const LABELS: Record<Choice, string> = {
  ours: "Keep mine: your lines where they conflict, everything else merged",
  theirs: "Take theirs: the template's lines where they conflict, your other edits kept",
  diff: "Show the conflicts",
  markers: "Write conflict markers and resolve them by hand (exit 3)",
  abort: "Abort: write nothing",
};

async function ask(prompter: Prompter, d: UpdateDecision): Promise<Resolution> {
  const available = (["ours", "theirs", "diff", "markers", "abort"] as const).filter((c) => c === "diff" || c === "abort" || d.conflict!.resolutions[c] !== undefined);
  for (;;) {
    const n = d.conflict!.count;
    const choice = await prompter.select<Choice>({
      name: `conflict:${d.path}`,
      message: `${d.path}: your edits and the template's changes conflict in ${n} place${n === 1 ? "" : "s"}. What now?`,
      choices: available.map((value) => ({ value, name: LABELS[value] })),
      default: "diff",
    });
    if (choice === "abort") throw new CancelledError("Aborted; nothing was written.");
    if (choice !== "diff") return choice;
    prompter.note(conflictView(d));
  }
}

/** The conflicting places, then the whole change "take theirs" would make to your file. */
function conflictView(d: UpdateDecision): string {
  const theirs = d.conflict!.resolutions.theirs;
  const patch = theirs === undefined ? "" : createTwoFilesPatch(`a/${d.path}`, `b/${d.path}`, d.current ?? "", theirs, "yours", "taking theirs", { context: 3 });
  return `${d.conflict!.hunks}\n${patch}`;
}
