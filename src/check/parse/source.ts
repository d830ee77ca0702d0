// One file handed to check: its path, kind, text and lines.
import { baseNameOf, classifyFile, dirNameOf } from "../targets.js";
import type { TargetKind } from "../types.js";

export interface SourceFile {
  path: string;
  dir: string;
  base: string;
  kind: TargetKind;
  text: string;
  /** Lines without their line endings; lines[0] is line 1. */
  lines: string[];
  /** Informs cross-file rules; findings on it are not reported. */
  context: boolean;
}

export function makeSource(path: string, text: string, context = false, kind?: TargetKind): SourceFile | undefined {
  const norm = path.replace(/\\/g, "/");
  const base = baseNameOf(norm);
  const k = kind ?? classifyFile(base);
  if (k === undefined) return undefined;
  return { path: norm, dir: dirNameOf(norm), base, kind: k, text, lines: text.split(/\r?\n/), context };
}
