// planUpdate: for each file, what `update` does with your version, the version last
// generated (the base) and the new template output. Pure: every input is a value.
//
//   absent                                  -> create
//   yours is already the new output         -> identical
//   yours is the base (you did not edit it) -> update to the new output
//   the new output is the base              -> kept (your edits stay; nothing came)
//   both changed                            -> merged, or conflict (resolved later)
//   recorded but no longer generated        -> orphaned (kept), or pruned with --prune
import type { FileRecord, MergeStrategy, RenderedFile } from "../model/plan.js";
import { findBlock, mergeBlock, wrapBlock } from "../write/managed-block.js";
import { formatComposeConflicts, mergeCompose } from "./merge-compose.js";
import { formatLineConflicts, lineConflicts, mergeLines, resolveLines, type Resolution } from "./merge-lines.js";
import { sha256 } from "./records.js";

export type UpdateStatus = "create" | "identical" | "update" | "kept" | "merged" | "conflict" | "orphaned" | "pruned" | "forgotten";

export interface MergeConflict {
  /** How many places conflict. */
  count: number;
  /** The conflicting places, for people (line numbers and the three versions, or compose keys). */
  hunks: string;
  /** The whole file for each way of resolving; a missing one cannot be offered. */
  resolutions: Partial<Record<Resolution, string>>;
}

export interface UpdateDecision {
  path: string;
  strategy: MergeStrategy;
  status: UpdateStatus;
  /** What the file holds now (null when absent). */
  current: string | null;
  /** What it will hold: null when it is deleted (pruned). For a conflict, yours until resolved. */
  next: string | null;
  /** The new template output, to keep as the next base; null for a file no longer generated. */
  rendered: string | null;
  /** Whether the file differs from what docker-scaffold last wrote (null: never recorded, or absent). */
  edited: boolean | null;
  conflict?: MergeConflict;
  /** How a conflict was resolved (set by resolveConflicts). */
  resolution?: Resolution;
  /** A word on why, for the summary. */
  note?: string;
}

export interface UpdateInput {
  rendered: readonly RenderedFile[];
  /** Every rendered and recorded path -> what is on disk (null when absent). */
  current: ReadonlyMap<string, string | null>;
  /** path (not the base path) -> the base, null when there is none. */
  bases: ReadonlyMap<string, string | null>;
  records: Readonly<Record<string, FileRecord>>;
  prune: boolean;
}

export function planUpdate(input: UpdateInput): UpdateDecision[] {
  const out: UpdateDecision[] = [];
  for (const f of input.rendered) {
    const strategy = input.records[f.path]?.strategy ?? defaultStrategy(f);
    out.push(decideUpdate(f.path, strategy, input.current.get(f.path) ?? null, input.bases.get(f.path) ?? null, f.content, input.records[f.path]));
  }
  const renderedPaths = new Set(input.rendered.map((f) => f.path as string));
  for (const [path, record] of Object.entries(input.records)) {
    if (!renderedPaths.has(path)) out.push(decideOrphan(path, record, input.current.get(path) ?? null, input.bases.get(path) ?? null, input.prune));
  }
  return out;
}

function defaultStrategy(f: RenderedFile): MergeStrategy {
  return f.strategy === "managed-block" ? "managed-block" : f.path === "docker-compose.yml" ? "compose" : "lines";
}

const body = (text: string) => text.replace(/\n*$/, "\n");

function editedSince(record: FileRecord | undefined, current: string | null): boolean | null {
  return record && current !== null ? sha256(current) !== record.sha256 : null;
}

/** One rendered file. For a managed block only the block is compared and merged. */
export function decideUpdate(path: string, strategy: MergeStrategy, current: string | null, base: string | null, rendered: string, record?: FileRecord): UpdateDecision {
  const edited = editedSince(record, current);
  const d = (status: UpdateStatus, next: string | null, extra: Partial<UpdateDecision> = {}): UpdateDecision => ({ path, strategy, status, current, next, rendered, edited, ...extra });
  if (strategy === "managed-block") {
    if (current === null) return d("create", wrapBlock(rendered));
    let found;
    try {
      found = findBlock(current);
    } catch (err) {
      const reason = `${path}: ${(err as Error).message}; fix the markers by hand`;
      return d("conflict", current, { conflict: { count: 1, hunks: reason, resolutions: { ours: current } }, note: "broken markers" });
    }
    // You removed our block: it is put back (stop generating the file with `only:` instead).
    if (!found) return d("update", mergeBlock(current, rendered), { note: "block restored" });
    const join = (merged: string) => found.before + wrapBlock(merged) + found.after;
    // Without a base the block is replaced, as `init` does: the markers say "edit outside it".
    if (base === null && body(found.body) !== body(rendered)) return d("update", join(rendered), { note: "no merge base recorded; block replaced" });
    return decideUnits(d, path, "lines", current, body(found.body), base === null ? null : body(base), body(rendered), join);
  }
  if (current === null) return d("create", rendered);
  return decideUnits(d, path, strategy, current, current, base, rendered, (t) => t);
}

function decideUnits(
  d: (status: UpdateStatus, next: string | null, extra?: Partial<UpdateDecision>) => UpdateDecision,
  path: string,
  strategy: "lines" | "compose",
  current: string,
  ours: string,
  base: string | null,
  theirs: string,
  join: (unit: string) => string,
): UpdateDecision {
  if (ours === theirs) return d("identical", current);
  if (base !== null && ours === base) return d("update", join(theirs));
  if (base !== null && theirs === base) return d("kept", current);
  const note = base === null ? "no merge base recorded" : undefined;
  if (strategy === "compose" && base !== null) {
    const merged = mergeCompose(base, ours, theirs);
    if (merged && !merged.conflicts.length) return d("merged", join(merged.ours));
    if (merged) {
      const hunks = formatComposeConflicts(path, merged.conflicts);
      return d("conflict", current, { conflict: { count: merged.conflicts.length, hunks, resolutions: { ours: join(merged.ours), theirs: join(merged.theirs), markers: join(merged.markers) } } });
    }
    // Not a YAML mapping on some side (a broken edit): line by line, below.
  }
  const chunks = mergeLines(base, ours, theirs);
  const conflicts = lineConflicts(chunks);
  if (!conflicts.length) return d("merged", join(resolveLines(chunks, "ours")), note ? { note } : {});
  const resolutions = { ours: join(resolveLines(chunks, "ours")), theirs: join(resolveLines(chunks, "theirs")), markers: join(resolveLines(chunks, "markers")) };
  return d("conflict", current, { conflict: { count: conflicts.length, hunks: formatLineConflicts(path, conflicts), resolutions }, ...(note ? { note } : {}) });
}

/** A file docker-scaffold wrote before but does not generate now: reported; deleted only with --prune, and only as it was written. */
export function decideOrphan(path: string, record: FileRecord, current: string | null, base: string | null, prune: boolean): UpdateDecision {
  const edited = editedSince(record, current);
  const d = (status: UpdateStatus, next: string | null, note: string): UpdateDecision => ({ path, strategy: record.strategy, status, current, next, rendered: null, edited, note });
  if (current === null) return d("forgotten", null, "no longer generated, and already deleted");
  if (record.strategy === "managed-block") {
    let found;
    try {
      found = findBlock(current);
    } catch {
      return d("orphaned", current, "no longer generated; its block markers are broken, so it stays");
    }
    if (!found) return d("forgotten", current, "no longer generated, and its block is already gone");
    const untouched = base !== null && body(found.body) === body(base);
    if (!prune) return d("orphaned", current, "no longer generated; kept (update --prune removes its block)");
    if (!untouched) return d("orphaned", current, "no longer generated; you edited its block, so it stays (remove the block by hand)");
    const rest = found.before.replace(/\n+$/, "\n") + found.after;
    return rest.trim() === "" ? d("pruned", null, "deleted (it held only our block)") : d("pruned", rest, "our block removed, your lines kept");
  }
  const untouched = (base !== null && current === base) || edited === false;
  if (!prune) return d("orphaned", current, "no longer generated; kept (update --prune deletes it)");
  if (!untouched) return d("orphaned", current, "no longer generated; you edited it, so it stays (delete it by hand)");
  return d("pruned", null, "deleted");
}
