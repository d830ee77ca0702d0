// env.example / .env.example: KEY=value lines, comments and blanks.
import type { SourceFile } from "./source.js";

export interface EnvEntry {
  key: string;
  /** Value with surrounding quotes removed. */
  value: string;
  line: number;
  raw: string;
  exported: boolean;
  /** Spaces around `=`. */
  spacedEquals: boolean;
}

export interface EnvBadLine {
  line: number;
  raw: string;
}

export interface EnvModel {
  kind: "env";
  file: SourceFile;
  entries: EnvEntry[];
  bad: EnvBadLine[];
  values: Map<string, string>;
}

const LINE = /^(export\s+)?([^=\s]+)(\s*)=(\s*)(.*)$/;

export function parseEnvFile(file: SourceFile): EnvModel {
  const entries: EnvEntry[] = [];
  const bad: EnvBadLine[] = [];
  file.lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === "" || text.startsWith("#")) return;
    const m = LINE.exec(text);
    if (!m) {
      bad.push({ line: i + 1, raw });
      return;
    }
    entries.push({
      key: m[2] as string,
      value: unquote(stripComment(m[5] ?? "")),
      line: i + 1,
      raw,
      exported: m[1] !== undefined,
      spacedEquals: (m[3] ?? "") !== "" || (m[4] ?? "") !== "",
    });
  });
  const values = new Map<string, string>();
  for (const e of entries) if (!values.has(e.key)) values.set(e.key, e.value);
  return { kind: "env", file, entries, bad, values };
}

function stripComment(value: string): string {
  if (/^["']/.test(value)) return value;
  const i = value.search(/\s#/);
  return (i >= 0 ? value.slice(0, i) : value).trim();
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  return m ? (m[2] as string) : value;
}
