// Line-based three-way merge (diff3, from node-diff3) of the user's file ("yours"), the file
// as last generated (the base) and the new template output ("theirs"). Pure. Conflicts stay
// data until a resolution is chosen: your lines, the template's lines, or markers.
import { diffArrays } from "diff";
import { diff3Merge } from "node-diff3";

export interface LineConflict {
  /** 1-based line in your file where the conflict starts. */
  line: number;
  ours: string[];
  /** null in a two-way merge (no base): nothing says what the lines were before. */
  base: string[] | null;
  theirs: string[];
}

export type LineChunk = { ok: string[] } | { conflict: LineConflict };

export type Resolution = "ours" | "theirs" | "markers";

export const MARKERS = {
  ours: "<<<<<<< yours",
  base: "||||||| last generated",
  separator: "=======",
  theirs: ">>>>>>> template",
} as const;

/** Whether a file still holds conflict markers that update wrote (`--conflict markers`). */
export function hasConflictMarkers(text: string | null): boolean {
  if (text === null) return false;
  const lines = splitLines(text);
  return lines.includes(MARKERS.ours) && lines.includes(MARKERS.theirs);
}

/** "a\nb\n" -> ["a", "b", ""]: joining with "\n" gives the text back, final newline included. */
export function splitLines(text: string): string[] {
  return text.split("\n");
}

/**
 * Merge line by line. Without a base (the file was never recorded) every difference between
 * your file and the template's is a conflict: nothing tells whose change it is.
 */
export function mergeLines(base: string | null, ours: string, theirs: string): LineChunk[] {
  const a = splitLines(ours);
  const b = splitLines(theirs);
  if (base === null) return twoWay(a, b);
  const chunks: LineChunk[] = [];
  for (const region of diff3Merge<string>(a, splitLines(base), b)) {
    if (region.ok) {
      chunks.push({ ok: region.ok });
      continue;
    }
    const c = region.conflict!;
    const conflict: LineConflict = { line: c.aIndex + 1, ours: c.a, base: c.o, theirs: c.b };
    const beside = insertionBeside(conflict);
    chunks.push(beside ? { ok: beside } : { conflict });
  }
  return chunks;
}

/**
 * diff3 calls changes that touch a conflict even when they do not overlap: you add a line
 * after one the template changes (a variable appended to env.example after the port line).
 * When one side only added lines before or after the base lines, and the other changed
 * those lines, both are kept: the added lines go beside the changed ones.
 */
function insertionBeside(c: LineConflict): string[] | null {
  const base = c.base ?? [];
  if (base.length === 0) return null;
  const added = (side: string[]) => {
    if (side.length <= base.length) return null;
    if (base.every((l, i) => side[i] === l)) return { before: [], after: side.slice(base.length) };
    const offset = side.length - base.length;
    if (base.every((l, i) => side[offset + i] === l)) return { before: side.slice(0, offset), after: [] };
    return null;
  };
  const ours = added(c.ours);
  const theirs = added(c.theirs);
  if (ours && !theirs) return [...ours.before, ...c.theirs, ...ours.after];
  if (theirs && !ours) return [...theirs.before, ...c.ours, ...theirs.after];
  return null;
}

function twoWay(a: string[], b: string[]): LineChunk[] {
  const out: LineChunk[] = [];
  let line = 1;
  let pending: LineConflict | null = null;
  for (const change of diffArrays(a, b)) {
    if (!change.added && !change.removed) {
      if (pending) out.push({ conflict: pending });
      pending = null;
      out.push({ ok: change.value });
      line += change.value.length;
      continue;
    }
    pending ??= { line, ours: [], base: null, theirs: [] };
    if (change.removed) {
      pending.ours.push(...change.value);
      line += change.value.length;
    } else pending.theirs.push(...change.value);
  }
  if (pending) out.push({ conflict: pending });
  return out;
}

export function lineConflicts(chunks: readonly LineChunk[]): LineConflict[] {
  return chunks.flatMap((c) => ("conflict" in c ? [c.conflict] : []));
}

/** The merged text, each conflict resolved the given way. */
export function resolveLines(chunks: readonly LineChunk[], resolution: Resolution): string {
  const lines: string[] = [];
  for (const chunk of chunks) {
    if ("ok" in chunk) lines.push(...chunk.ok);
    else if (resolution === "ours") lines.push(...chunk.conflict.ours);
    else if (resolution === "theirs") lines.push(...chunk.conflict.theirs);
    else lines.push(...markerLines(chunk.conflict));
  }
  return lines.join("\n");
}

function markerLines(c: LineConflict): string[] {
  // A side that ends the file ends with "" (the final newline): keep it after the markers.
  const trailing = c.ours.at(-1) === "" && c.theirs.at(-1) === "" ? [""] : [];
  const strip = (l: string[]) => (trailing.length && l.at(-1) === "" ? l.slice(0, -1) : l);
  const base = c.base === null ? [] : [MARKERS.base, ...strip(c.base)];
  return [MARKERS.ours, ...strip(c.ours), ...base, MARKERS.separator, ...strip(c.theirs), MARKERS.theirs, ...trailing];
}

/** Conflicts as people read them: where, and the three versions with markers. */
export function formatLineConflicts(path: string, conflicts: readonly LineConflict[]): string {
  return conflicts.map((c) => `${path}:${c.line}:\n${markerLines(c).join("\n").replace(/\n$/, "")}`).join("\n");
}
