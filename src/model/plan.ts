// The Plan: everything rendering needs, decided and validated. Built once by
// buildPlan (pure); renderPlan turns it into files without deciding anything new.
import type { Answers } from "./answers.js";
import type { StackHints } from "./hints.js";
import type { Sources } from "./resolve.js";
import type { StarterPlan } from "../starters/plan-starter.js";

export const OUTPUT_FILES = [
  "Dockerfile",
  ".dockerignore",
  "docker-compose.yml",
  "env.example",
  "Makefile",
  "README.Docker.md",
  ".gitignore",
  ".docker-scaffold.yml",
] as const;
/** Written only when an answer asks for them: the dev overlay with `dev: true` (issue 9). */
export const OPTIONAL_OUTPUT_FILES = ["docker-compose.dev.yml"] as const;
/** Every file init may write, in the order it writes them (optional ones after docker-compose.yml). */
export const ALL_OUTPUT_FILES = [...OUTPUT_FILES.slice(0, 3), ...OPTIONAL_OUTPUT_FILES, ...OUTPUT_FILES.slice(3)] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number] | (typeof OPTIONAL_OUTPUT_FILES)[number];

/** How a file's new content combines with what is on disk. */
export type WriteStrategy =
  /** The whole file is ours: create, identical, or conflict (overwrite only with --force). */
  | "whole"
  /** Only a marked block is ours; the rest of an existing file is kept as it is. */
  | "managed-block"
  /** A starter app's file: created where none exists, never overwritten (not even with --force). */
  | "new-only";

/**
 * How `update` combines the user's edits with the template's changes (issue 7): a line-based
 * three-way merge, a structural merge of the compose document, or a merge inside our
 * managed block only. `.docker-scaffold.yml` has none: it is the record, rewritten each run.
 */
export type MergeStrategy = "lines" | "compose" | "managed-block";
export const MERGE_STRATEGIES = ["lines", "compose", "managed-block"] as const satisfies readonly MergeStrategy[];

export const MERGE_STRATEGY: Record<OutputFile, MergeStrategy | null> = {
  Dockerfile: "lines",
  ".dockerignore": "lines",
  "docker-compose.yml": "compose",
  "docker-compose.dev.yml": "compose",
  "env.example": "lines",
  Makefile: "managed-block",
  "README.Docker.md": "lines",
  ".gitignore": "managed-block",
  ".docker-scaffold.yml": null,
};

/** What .docker-scaffold.yml records of a generated file (its `files:` entry). */
export interface FileRecord {
  strategy: MergeStrategy;
  /** sha256 (hex) of the file as docker-scaffold last wrote it. */
  sha256: string;
}

export interface EnvEntry {
  name: string;
  /** Placeholder written to env.example (empty for secrets). */
  value: string;
  comment: string;
  secret: boolean;
  /** How compose passes it to the service (e.g. "${NAME:-default}"), or null when compose only reads it itself. */
  compose: string | null;
}

export interface Plan {
  generator: { name: string; version: string };
  answers: Answers;
  sources: Sources;
  /** Answers the user set explicitly (recorded in .docker-scaffold.yml). */
  explicit: Record<string, unknown>;
  /** `source`: where a preset read from a file is, relative to the output directory (a built-in has none). */
  preset: { name: string; version: string; source?: string } | null;
  /** Files to render (all, or those named by --only). */
  files: OutputFile[];
  /** Whether --only was given (then it is recorded too). */
  only: OutputFile[] | null;
  env: EnvEntry[];
  /** Facts from detection that shape the Dockerfile (requirements file, Go main package...). */
  hints: StackHints;
  /** Targets an existing Makefile already defines outside our block (ours are renamed to avoid them). */
  makefileTargetsTaken: string[];
  /** Top-level keys of an existing .docker-scaffold.yml that are not ours (e.g. `check:`), kept as they are. */
  answersFileExtra: Record<string, unknown>;
  /** A starter app written next to the Docker files (issue 10), or null. */
  starter: StarterPlan | null;
}

export interface RenderedFile {
  /** An output file, or a starter app's file (relative, with / separators). */
  path: string;
  content: string;
  strategy: WriteStrategy;
  /** managed-block only: what a file created now holds above the block (a starter's .gitignore lines). */
  initial?: string;
}
