// decide: what writing each rendered file would do, given what is on disk. Pure.
import type { RenderedFile } from "../model/plan.js";
import { mergeBlock } from "./managed-block.js";

export type FileStatus = "create" | "identical" | "update" | "conflict";

export interface FileDecision {
  path: string;
  status: FileStatus;
  /** What the file holds now (null when absent). */
  current: string | null;
  /** What it would hold after writing. */
  next: string;
  /** Why a conflict is one, for the message. */
  reason?: string;
}

/**
 * - absent -> create; same bytes -> identical;
 * - a managed block (Makefile, .gitignore): only the block changes -> update, never a conflict;
 * - a whole file that differs -> conflict, or update with --force;
 * - a starter file that differs -> conflict, even with --force (a starter never overwrites).
 */
export function decideFile(file: RenderedFile, current: string | null, force: boolean): FileDecision {
  if (file.strategy === "managed-block") {
    let next: string;
    try {
      next = mergeBlock(current ?? file.initial ?? null, file.content);
    } catch (err) {
      return { path: file.path, status: "conflict", current, next: current ?? "", reason: `${file.path}: ${(err as Error).message}; fix the markers by hand or remove them` };
    }
    if (current === null) return { path: file.path, status: "create", current, next };
    return { path: file.path, status: next === current ? "identical" : "update", current, next };
  }
  if (current === null) return { path: file.path, status: "create", current, next: file.content };
  if (current === file.content) return { path: file.path, status: "identical", current, next: file.content };
  if (file.strategy === "new-only") {
    return { path: file.path, status: "conflict", current, next: current, reason: `${file.path}: exists; a starter app never overwrites a file (not even with --force): move it away, or scaffold without --starter` };
  }
  return { path: file.path, status: force ? "update" : "conflict", current, next: file.content };
}

export function decideFiles(files: readonly RenderedFile[], current: ReadonlyMap<string, string | null>, force: boolean): FileDecision[] {
  return files.map((f) => decideFile(f, current.get(f.path) ?? null, force));
}
