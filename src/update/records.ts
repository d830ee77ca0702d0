// The `files:` record of .docker-scaffold.yml and the merge bases beside it
// (.docker-scaffold/base/<path>: each file's template output as last rendered). Pure.
import { createHash } from "node:crypto";
import { MERGE_STRATEGY, ALL_OUTPUT_FILES, type FileRecord, type OutputFile, type RenderedFile } from "../model/plan.js";
import type { FileDecision } from "../write/decide.js";

export const BASE_DIR = ".docker-scaffold/base";

export function basePath(path: string): string {
  return `${BASE_DIR}/${path}`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The record of a file written (or left) with this content. */
export function recordOf(path: string, content: string): FileRecord | null {
  const strategy = MERGE_STRATEGY[path as OutputFile];
  return strategy ? { strategy, sha256: sha256(content) } : null;
}

/** Records in the usual file order, then any other recorded path (a file no longer generated). */
export function sortRecords(records: Record<string, FileRecord>): Record<string, FileRecord> {
  const known = ALL_OUTPUT_FILES.filter((f) => records[f]);
  const others = Object.keys(records).filter((p) => !(ALL_OUTPUT_FILES as readonly string[]).includes(p)).sort();
  return Object.fromEntries([...known, ...others].map((p) => [p, records[p]!]));
}

/**
 * What `init` records: each file it renders, as it will be after the run; files it did
 * not render this time (`--only`) keep their earlier entries.
 */
export function initRecords(previous: Record<string, FileRecord>, decisions: readonly FileDecision[]): Record<string, FileRecord> {
  const out: Record<string, FileRecord> = { ...previous };
  for (const d of decisions) {
    const record = recordOf(d.path, d.next);
    if (record) out[d.path] = record;
  }
  return sortRecords(out);
}

/** Writes that bring each rendered file's base up to date (the base is the template output). */
export function decideBases(rendered: readonly RenderedFile[], currentBases: ReadonlyMap<string, string | null>): FileDecision[] {
  const out: FileDecision[] = [];
  for (const f of rendered) {
    if (!MERGE_STRATEGY[f.path as OutputFile]) continue;
    const path = basePath(f.path);
    const current = currentBases.get(path) ?? null;
    out.push({ path, status: current === null ? "create" : current === f.content ? "identical" : "update", current, next: f.content });
  }
  return out;
}

/** What a decision of `update` leaves recorded (plan-update's statuses, in its order). */
export function updateRecords(
  previous: Readonly<Record<string, FileRecord>>,
  decisions: readonly { path: string; status: string; current: string | null; next: string | null }[],
): Record<string, FileRecord> {
  const out: Record<string, FileRecord> = {};
  for (const d of decisions) {
    if (d.status === "pruned" || d.status === "forgotten") continue;
    // Not written this time: the entry says what was last written (yours is not ours to record).
    const keep = d.status === "kept" || d.status === "orphaned" ? previous[d.path] : undefined;
    const content = d.next ?? d.current;
    const record = keep ?? (content === null ? null : recordOf(d.path, content));
    if (record) out[d.path] = record;
    else if (previous[d.path]) out[d.path] = previous[d.path]!;
  }
  return sortRecords(out);
}
