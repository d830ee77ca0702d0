// What `update` tells people: one line per file, with the reason when it is not obvious.
import { createTwoFilesPatch } from "diff";
import type { UpdateFile } from "./run-update.js";

const WHY: Partial<Record<UpdateFile["status"], string>> = {
  update: "you had not edited it",
  kept: "your edits kept; the template did not change it",
  merged: "your edits and the template's changes merged",
};

export function formatUpdateStatuses(files: readonly UpdateFile[]): string {
  const width = Math.max(...files.map((f) => f.path.length));
  return files
    .map((f) => {
      let why = f.note ?? WHY[f.status] ?? "";
      if (f.status === "conflict") {
        const n = `${f.conflicts} conflict${f.conflicts === 1 ? "" : "s"}`;
        why = f.resolution === "markers" ? `${n}, written with markers` : f.resolution ? `${n}, resolved with ${f.resolution === "ours" ? "yours" : "the template's"}` : n;
      }
      const line = `  ${f.status.toUpperCase().padEnd(9)} ${why ? f.path.padEnd(width) : f.path}`;
      return why ? `${line}  (${why})` : line;
    })
    .join("\n");
}

/** Unified diffs of every file the run changes (or would change). */
export function formatUpdateDiffs(files: readonly { path: string; current: string | null; next: string | null; changes: boolean }[]): string {
  return files
    .filter((f) => f.changes && f.current !== f.next)
    .map((f) => createTwoFilesPatch(f.current === null ? "/dev/null" : `a/${f.path}`, f.next === null ? "/dev/null" : `b/${f.path}`, f.current ?? "", f.next ?? "", "", "", { context: 3 }))
    .join("");
}
