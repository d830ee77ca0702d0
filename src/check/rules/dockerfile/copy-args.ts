// Sources and destination of COPY/ADD, in shell or JSON form.
import { execFormWords, type Instr } from "../../parse/dockerfile.js";

export function copyWords(instr: Instr): string[] {
  const node = instr.node as unknown as { getHeredocs?(): unknown[] };
  if ((node.getHeredocs?.() ?? []).length > 0) return [];
  const json = execFormWords(instr);
  if (json) return json;
  // dockerfile-ast leaves flags (--from, --chown, ...) out of the arguments already.
  return instr.words;
}

export function addSources(instr: Instr): string[] {
  const words = copyWords(instr);
  return words.slice(0, -1);
}

export function copyDest(instr: Instr): string | undefined {
  const words = copyWords(instr);
  return words.length >= 2 ? words[words.length - 1] : undefined;
}

export function isRemote(src: string): boolean {
  return /^(https?|ftp):\/\//i.test(src) || /^git@/.test(src) || /^git:\/\//.test(src) || /\.git(#.*)?$/.test(src);
}

export const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i;
