// .dockerignore with Docker's own pattern semantics (@balena/dockerignore, a port of
// moby's fileutils.PatternMatcher), plus which line decided a match, for reporting.
import dockerignore from "@balena/dockerignore";

// CommonJS module whose `default` is itself: works under Node ESM and the bundled types.
const ignore = dockerignore.default;
import type { SourceFile } from "./source.js";

export interface IgnorePattern {
  pattern: string;
  line: number;
  negated: boolean;
}

export interface IgnoreModel {
  kind: "dockerignore";
  file: SourceFile;
  patterns: IgnorePattern[];
  /** True when Docker leaves `path` (relative to the context) out of the build context. */
  ignores(path: string): boolean;
  /** The line of the pattern that decided `path`, when one did. */
  decidingLine(path: string): number | undefined;
}

export function parseIgnoreLines(lines: readonly string[]): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  lines.forEach((raw, i) => {
    const text = raw.trim();
    // No real pattern is that long; the matcher's regexes get slow on such lines.
    if (text === "" || text.startsWith("#") || text.length > 1024) return;
    const negated = text.startsWith("!");
    patterns.push({ pattern: negated ? text.slice(1).trim() : text, line: i + 1, negated });
  });
  return patterns;
}

export function parseDockerignore(file: SourceFile): IgnoreModel {
  const patterns = parseIgnoreLines(file.lines);
  const matcher = safeMatcher(patterns.map((p) => (p.negated ? "!" : "") + p.pattern));
  const cache = new Map<string, boolean>();
  const ignores = (path: string): boolean => {
    const p = normalize(path);
    if (p === "" || p === ".") return false;
    let hit = cache.get(p);
    if (hit === undefined) {
      hit = matcher(p);
      cache.set(p, hit);
    }
    return hit;
  };
  const decidingLine = (path: string): number | undefined => {
    const p = normalize(path);
    let line: number | undefined;
    for (const pat of patterns) if (safeMatcher([pat.pattern])(p)) line = pat.line;
    return line;
  };
  return { kind: "dockerignore", file, patterns, ignores, decidingLine };
}

function safeMatcher(patterns: string[]): (path: string) => boolean {
  try {
    const ig = ignore().add(patterns);
    return (path) => {
      try {
        return ig.ignores(path);
      } catch {
        return false;
      }
    };
  } catch {
    return () => false;
  }
}

/** Context-relative, forward slashes, no leading `./` or `/`, no trailing `/`. */
export function normalize(path: string): string {
  return path
    .replace(/\\/g, "/")
    .replace(/^(\.\/)+/, "")
    .replace(/^\/+/, "")
    .replace(/\/+$/, "");
}

/** Which of a list of sample paths the ignore file fails to exclude. */
export function notIgnored(model: IgnoreModel, samples: readonly string[]): string[] {
  return samples.filter((p) => !model.ignores(p));
}
