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
