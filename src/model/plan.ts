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
export type OutputFile = (typeof OUTPUT_FILES)[number];

/** How a file's new content combines with what is on disk. */
export type WriteStrategy =
  /** The whole file is ours: create, identical, or conflict (overwrite only with --force). */
  | "whole"
  /** Only a marked block is ours; the rest of an existing file is kept as it is. */
  | "managed-block"
  /** A starter app's file: created where none exists, never overwritten (not even with --force). */
  | "new-only";

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
  preset: { name: string; version: string } | null;
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
