// Inline suppression the way people already write it: a comment on the line before
// (or at the end of the line) naming the rule, e.g.
//   # docker-scaffold ignore=DF-APT-PIN,DF-APT-CLEAN pinned through the base image
//   # hadolint ignore=DL3008
// and for the whole file (hadolint's "global" form):
//   # docker-scaffold ignore-file=DI-EXISTS
//   # hadolint global ignore=DL3059
// hadolint codes suppress our findings that cite them.

export interface Suppressions {
  /** Line -> ids (ours or hadolint's) named on that line. */
  byLine: Map<number, Set<string>>;
  /** Ids suppressed everywhere in the file. */
  fileWide: Set<string>;
  /** Lines that are pure comments. */
  commentLines: Set<number>;
}

// An id list is `A,B` or `A, B`; anything after it is the reason.
const IDS = "([A-Za-z0-9_-]+(?:\\s*,\\s*[A-Za-z0-9_-]+)*)";
const LINE = new RegExp(`#\\s*(?:docker-scaffold|hadolint)\\s+ignore\\s*=\\s*${IDS}`);
const FILE = new RegExp(`#\\s*(?:docker-scaffold\\s+ignore-file|hadolint\\s+global\\s+ignore)\\s*=\\s*${IDS}`);

function ids(list: string | undefined): string[] {
  return (list ?? "").split(/\s*,\s*/).map((s) => s.trim().toUpperCase()).filter(Boolean);
}

export function readSuppressions(lines: readonly string[]): Suppressions {
  const byLine = new Map<number, Set<string>>();
  const fileWide = new Set<string>();
  const commentLines = new Set<number>();
  lines.forEach((raw, i) => {
    if (/^\s*#/.test(raw)) commentLines.add(i + 1);
    if (!raw.includes("ignore")) return;
    const file = FILE.exec(raw);
    if (file) {
      for (const id of ids(file[1])) fileWide.add(id);
      return;
    }
    const m = LINE.exec(raw);
    if (m) byLine.set(i + 1, new Set(ids(m[1])));
  });
  return { byLine, fileWide, commentLines };
}

/** Ids that apply to a finding on `line`: file-wide ones, its own line and the comment block right above it. */
export function idsFor(s: Suppressions, line: number): Set<string> {
  const out = new Set<string>([...s.fileWide, ...(s.byLine.get(line) ?? [])]);
  for (let l = line - 1; l >= 1 && s.commentLines.has(l); l--) for (const id of s.byLine.get(l) ?? []) out.add(id);
  return out;
}

export function isSuppressed(s: Suppressions, line: number, ruleId: string, hadolintRef: string | undefined): boolean {
  if (s.byLine.size === 0 && s.fileWide.size === 0) return false;
  const active = idsFor(s, line);
  if (active.size === 0) return false;
  if (active.has(ruleId.toUpperCase())) return true;
  for (const code of hadolintRef?.match(/DL\d{4}|SC\d{4}/g) ?? []) if (active.has(code)) return true;
  return false;
}
