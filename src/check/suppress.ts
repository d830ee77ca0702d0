// Inline suppression the way people already write it: a comment on the line before
// (or at the end of the line) naming the rule, e.g.
//   # docker-scaffold ignore=DF-APT-PIN,DF-APT-CLEAN pinned through the base image
//   # hadolint ignore=DL3008
// hadolint codes suppress our findings that cite them.

export interface Suppressions {
  /** Line -> ids (ours or hadolint's) named on that line. */
  byLine: Map<number, Set<string>>;
  /** Lines that are pure comments. */
  commentLines: Set<number>;
}

const DIRECTIVE = /#\s*(?:docker-scaffold|hadolint)\s+ignore\s*=\s*([A-Za-z0-9_,\- ]+?)(?:\s+\S.*)?$/;

export function readSuppressions(lines: readonly string[]): Suppressions {
  const byLine = new Map<number, Set<string>>();
  const commentLines = new Set<number>();
  lines.forEach((raw, i) => {
    if (/^\s*#/.test(raw)) commentLines.add(i + 1);
    if (!raw.includes("ignore")) return;
    const m = DIRECTIVE.exec(raw);
    if (!m) return;
    const ids = (m[1] ?? "").split(/[,\s]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
    byLine.set(i + 1, new Set(ids));
  });
  return { byLine, commentLines };
}

/** Ids that apply to a finding on `line`: its own line and the comment block right above it. */
export function idsFor(s: Suppressions, line: number): Set<string> {
  const out = new Set<string>(s.byLine.get(line) ?? []);
  for (let l = line - 1; l >= 1 && s.commentLines.has(l); l--) for (const id of s.byLine.get(l) ?? []) out.add(id);
  return out;
}

export function isSuppressed(s: Suppressions, line: number, ruleId: string, hadolintRef: string | undefined): boolean {
  if (s.byLine.size === 0) return false;
  const ids = idsFor(s, line);
  if (ids.size === 0) return false;
  if (ids.has(ruleId.toUpperCase())) return true;
  for (const code of hadolintRef?.match(/DL\d{4}|SC\d{4}/g) ?? []) if (ids.has(code)) return true;
  return false;
}
