// One app being detected: its folder, reads that record problems, and a bounded walk
// over its source files (memoised, so every signal scans the same files once).
import { blankComments, syntaxOf } from "./comments.js";
import { parseJson, parseToml, parseYaml, type Parsed } from "./parse.js";
import { joinRel } from "./reader.js";
import type { FileReader } from "./types.js";

/** Folders never walked: dependencies, build output, caches, VCS, virtualenvs, tests and docs. */
export const SKIP_DIRS = new Set([
  "node_modules", ".git", ".hg", ".svn", "venv", ".venv", "env", ".env", "virtualenv", "site-packages",
  "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "dist", "build", "out",
  "target", ".next", ".nuxt", ".svelte-kit", ".turbo", ".cache", "coverage", ".yarn", ".pnpm-store",
  "bower_components", "vendor", "tmp", ".idea", ".vscode", "test", "tests", "__tests__", "spec", "specs",
  "e2e", "cypress", "fixtures", "__mocks__", "testdata", "example", "examples", "docs", "doc",
  "migrations", "static", "public", "assets",
]);

/** Files that are tests, type declarations, tool configuration or generated (minified, protobuf), not the app. */
const SKIP_FILE = /(\.(test|spec)\.[cm]?[jt]sx?$)|(\.d\.ts$)|(^test_.*\.py$)|(_test\.(py|go)$)|(^conftest\.py$)|(\.config\.[cm]?[jt]s$)|(\.min\.[cm]?js$)|(_pb2(_grpc)?\.py$)|(\.pb\.go$)/;

export const WALK_LIMITS = { depth: 8, files: 600, fileBytes: 512 * 1024, totalBytes: 24 * 1024 * 1024 };

export interface SourceFile {
  /** Relative to the detected directory (what evidence shows). */
  path: string;
  text: string;
}

export type Loaded = { status: "ok"; value: Record<string, unknown> } | { status: "missing" } | { status: "broken"; problem: string };

export class AppContext {
  private readonly walks = new Map<string, Promise<SourceFile[]>>();

  constructor(
    readonly reader: FileReader,
    /** The app folder, relative to the detected directory ("" for the directory itself). */
    readonly appDir: string,
    readonly problems: string[],
  ) {}

  /** App-relative path -> the path evidence shows. */
  at(rel: string): string {
    return joinRel(this.appDir, rel);
  }

  problem(line: string): void {
    if (!this.problems.includes(line)) this.problems.push(line);
  }

  exists(rel: string): Promise<boolean> {
    return this.reader.exists(this.at(rel));
  }

  /** Text of an app-relative file; a file that exists but cannot be read is recorded as a problem. */
  async text(rel: string, maxBytes?: number): Promise<string | null> {
    return this.textAt(this.at(rel), maxBytes);
  }

  async textAt(shown: string, maxBytes?: number): Promise<string | null> {
    const text = await this.reader.readText(shown, maxBytes);
    if (text === null && (await this.reader.exists(shown))) {
      this.problem(`${shown}: ${this.reader.explain?.(shown) ?? "could not be read"}`);
    }
    return text;
  }

  /** A parsed manifest; "broken" carries the reason (invalid syntax, unreadable, too large). */
  async load(rel: string, kind: "json" | "toml" | "yaml"): Promise<Loaded> {
    return this.loadAt(this.at(rel), kind);
  }

  async loadAt(shown: string, kind: "json" | "toml" | "yaml"): Promise<Loaded> {
    if (!(await this.reader.exists(shown))) return { status: "missing" };
    const text = await this.textAt(shown);
    if (text === null) return { status: "broken", problem: this.reader.explain?.(shown) ?? "could not be read" };
    const parsed: Parsed = kind === "json" ? parseJson(text) : kind === "toml" ? parseToml(text) : parseYaml(text);
    if (parsed.ok) return { status: "ok", value: parsed.value };
    this.problem(`${shown}: ${parsed.problem}`);
    return { status: "broken", problem: parsed.problem };
  }

  /** The nearest of `names` in the app folder or a parent up to the detected directory (workspace roots). */
  async findUp(names: readonly string[]): Promise<string | null> {
    const parts = this.appDir === "" ? [] : this.appDir.split("/");
    for (let depth = parts.length; depth >= 0; depth--) {
      const dir = parts.slice(0, depth).join("/");
      for (const name of names) {
        const shown = joinRel(dir, name);
        if (await this.reader.exists(shown)) return shown;
      }
    }
    return null;
  }

  /**
   * Source files with these extensions under the app folder, bounded by WALK_LIMITS.
   * A sub-folder holding one of `stopAt` is another package and is not entered.
   */
  sources(extensions: readonly string[], stopAt: readonly string[] = []): Promise<SourceFile[]> {
    const key = `${extensions.join(",")}|${stopAt.join(",")}`;
    let walk = this.walks.get(key);
    if (!walk) {
      walk = this.walk(extensions, stopAt);
      this.walks.set(key, walk);
    }
    return walk;
  }

  private async walk(extensions: readonly string[], stopAt: readonly string[]): Promise<SourceFile[]> {
    const out: SourceFile[] = [];
    let bytes = 0;
    const queue: { dir: string; depth: number }[] = [{ dir: this.appDir, depth: 0 }];
    while (queue.length > 0) {
      const { dir, depth } = queue.shift()!;
      const entries = await this.reader.list(dir);
      if (depth > 0 && entries.some((entry) => entry.kind === "file" && stopAt.includes(entry.name))) continue;
      for (const entry of entries) {
        const shown = joinRel(dir, entry.name);
        if (entry.kind === "dir") {
          if (SKIP_DIRS.has(entry.name) || entry.name.startsWith(".")) continue;
          if (depth + 1 > WALK_LIMITS.depth) {
            this.problem(`${shown}: deeper than ${WALK_LIMITS.depth} folders; not scanned`);
            continue;
          }
          queue.push({ dir: shown, depth: depth + 1 });
          continue;
        }
        // Hidden files (.pnp.cjs, .eslintrc.js) are tooling, not the app.
        if (entry.name.startsWith(".") || !extensions.some((ext) => entry.name.endsWith(ext)) || SKIP_FILE.test(entry.name)) continue;
        if (out.length >= WALK_LIMITS.files || bytes >= WALK_LIMITS.totalBytes) {
          this.problem(`${this.appDir || "."}: more than ${WALK_LIMITS.files} source files or ${WALK_LIMITS.totalBytes} bytes; the rest were not scanned`);
          return out;
        }
        const raw = await this.textAt(shown, WALK_LIMITS.fileBytes);
        if (raw === null) continue;
        bytes += raw.length;
        const syntax = syntaxOf(entry.name);
        out.push({ path: shown, text: syntax ? blankComments(raw, syntax) : raw });
      }
    }
    return out;
  }
}

/** 1-based line number of a character offset. */
export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
