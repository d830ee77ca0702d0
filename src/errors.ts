// Typed errors that carry their exit code (DESIGN.md, "Exit codes"). Only
// src/cli/main.ts turns them into a process exit; library callers catch them.

export const EXIT = {
  ok: 0,
  internal: 1,
  findings: 1,
  usage: 2,
  conflict: 3,
  cancelled: 130,
} as const;

export class ScaffoldError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad flags or arguments: exit 2. */
export class UsageError extends ScaffoldError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** One problem with one answer: which key, what is wrong, how to fix it. */
export interface AnswerProblem {
  key: string;
  message: string;
  fix: string;
}

/** Invalid or missing answers, all of them at once: exit 2. */
export class AnswersError extends ScaffoldError {
  readonly problems: AnswerProblem[];
  constructor(problems: AnswerProblem[], heading = "The answers are not valid:") {
    const lines = problems.map((p) => `  - ${p.key}: ${p.message}\n    fix: ${p.fix}`);
    super(`${heading}\n${lines.join("\n")}`, EXIT.usage);
    this.problems = problems;
  }
}

/** A preset or answers file that cannot be found or read: exit 2. */
export class PresetError extends ScaffoldError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Existing files differ and were not overwritten: exit 3, nothing written. */
export class ConflictError extends ScaffoldError {
  readonly files: string[];
  constructor(files: string[], detail = "") {
    super(
      `These files exist and differ from what would be written:\n${files.map((f) => `  - ${f}`).join("\n")}\n` +
        `Nothing was written. Re-run with --dry-run --diff to see the differences, or --force to overwrite them.` +
        (detail ? `\n${detail}` : ""),
      EXIT.conflict,
    );
    this.files = files;
  }
}

/** Ctrl+C or a declined confirmation: exit 130, nothing written. */
export class CancelledError extends ScaffoldError {
  constructor(message = "Cancelled; nothing was written.") {
    super(message, EXIT.cancelled);
  }
}

/**
 * `update` met changes of yours and of the template to the same lines or keys: exit 3.
 * Either nothing was written (`--conflict fail`), or the files were written with markers.
 */
export class MergeConflictError extends ScaffoldError {
  readonly files: string[];
  readonly written: boolean;
  /** What the run did, for `--json` (the UpdateResult). */
  result: unknown;
  constructor(files: string[], written: boolean, detail = "", result: unknown = null) {
    const list = files.map((f) => `  - ${f}`).join("\n");
    super(
      written
        ? `Wrote these files with conflict markers (<<<<<<< yours ... >>>>>>> template):\n${list}\nResolve each marked place, remove the markers, then commit.` + (detail ? `\n${detail}` : "")
        : `Your edits and the template's changes conflict in:\n${list}\nNothing was written. Resolve with --conflict ours|theirs|markers, or run update in a terminal to choose file by file.` +
            (detail ? `\n${detail}` : ""),
      EXIT.conflict,
    );
    this.files = files;
    this.written = written;
    this.result = result;
  }
}

/** `--check`: managed files differ from what the answers produce now: exit 1. */
export class DriftError extends ScaffoldError {
  readonly files: string[];
  /** What the check found, for `--json` (the UpdateResult). */
  readonly result: unknown;
  constructor(files: string[], result: unknown = null) {
    super(
      `These files are not what .docker-scaffold.yml produces now:\n${files.map((f) => `  - ${f}`).join("\n")}\nRun \`docker-scaffold update\` and commit the result (update --dry-run --diff shows the changes).`,
      EXIT.findings,
    );
    this.files = files;
    this.result = result;
  }
}
