// Which kind of file a path is, judged by its base name (issue 3's discovery list).
import type { TargetKind } from "./types.js";

const NOT_CONFIG = /\.(md|txt|orig|bak|rej|swp|sh|json|html)$/i;

const RULES: readonly [RegExp, TargetKind][] = [
  [/^\.dockerignore$/, "dockerignore"],
  [/\.dockerignore$/, "dockerignore"],
  [/^(docker-)?compose([.-][\w.-]*)?\.ya?ml$/i, "compose"],
  [/^\.?env\.example$/, "env"],
  [/^(GNUmakefile|Makefile|makefile)$/, "makefile"],
  [/\.mk$/, "makefile"],
  [/^(Dockerfile|Containerfile)([.-][\w.-]*)?$/, "dockerfile"],
  [/\.(Dockerfile|Containerfile|dockerfile)$/, "dockerfile"],
];

/** The target kind for a base name, or undefined when check does not know the file. */
export function classifyFile(baseName: string): TargetKind | undefined {
  if (NOT_CONFIG.test(baseName)) return undefined;
  for (const [pattern, kind] of RULES) if (pattern.test(baseName)) return kind;
  return undefined;
}

/** Names discovery picks up in a directory (issue 3): the same table, minus `*.mk` includes. */
export function isDiscoverable(baseName: string): boolean {
  const kind = classifyFile(baseName);
  if (kind === undefined) return false;
  if (kind === "makefile") return baseName === "Makefile";
  if (kind === "dockerignore") return baseName === ".dockerignore";
  return true;
}

export function baseNameOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

export function dirNameOf(path: string): string {
  const norm = path.replace(/\\/g, "/");
  const i = norm.lastIndexOf("/");
  return i < 0 ? "." : norm.slice(0, i) || "/";
}
