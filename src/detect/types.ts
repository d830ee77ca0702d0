// The shapes detection returns (issue 4). Every value comes with the evidence that
// made detection decide it; unknown is null, never a guess presented as fact.
import type { Language } from "../model/answers.js";

/** A variable the app reads from its environment, and where. */
export interface EnvVar {
  name: string;
  /** The name looks like it holds a secret: env.example gets an empty placeholder. */
  secret: boolean;
  /** Where it is read, "src/config.ts:12" (paths relative to the detected directory). */
  sources: string[];
  /** A literal default seen in code or in .env.example (never taken from .env, never for secrets). */
  default?: string;
}

/** One deployable app found in the repository. */
export interface AppCandidate {
  /** Relative to the detected directory; "." is the directory itself. */
  path: string;
  language: string;
  evidence: string[];
}

export interface DetectedAnswers {
  language: Language | null;
  framework: string | null;
  packageManager: string | null;
  runtimeVersion: string | null;
  port: number | null;
  startCommand: string[] | null;
  buildCommand: string[] | null;
  healthPath: string | null;
  name: string | null;
  uid: null;
  gid: null;
  base: null;
  security: null;
  services: string[] | null;
  /** Choices, never detected. */
  dev?: null;
  buildSecrets?: null;
}

export interface Detection {
  answers: DetectedAnswers;
  env: EnvVar[];
  /** Per answer key (and per `extra` key): "file: reason" lines. */
  evidence: Record<string, string[]>;
  apps: AppCandidate[];
  /** Small language-specific facts the generator needs; see src/detect/README.md. */
  extra: Record<string, unknown>;
  /** Files that could not be read or parsed, and caps that were hit. */
  problems: string[];
}

/** How detection reads a project. Paths are relative, with "/" separators. */
export interface FileReader {
  /** The file's text, or null when missing, unreadable, binary, larger than maxBytes or outside the root. */
  readText(relPath: string, maxBytes?: number): Promise<string | null>;
  /** Entries of a directory (sorted by name); [] when missing or unreadable. */
  list(relDir: string): Promise<{ name: string; kind: "file" | "dir" }[]>;
  exists(relPath: string): Promise<boolean>;
  /** Optional: why the last readText of this path returned null ("binary file", "larger than ..."). */
  explain?(relPath: string): string | undefined;
}

/** One decided value and the evidence for it (null value: the evidence says why it is unknown). */
export interface Finding<T> {
  value: T | null;
  evidence: string[];
}

export function found<T>(value: T, ...evidence: string[]): Finding<T> {
  return { value, evidence };
}

export function notFound<T = never>(...evidence: string[]): Finding<T> {
  return { value: null, evidence };
}

/** What a language detector returns for one app. */
export interface LanguageResult {
  framework: Finding<string>;
  packageManager: Finding<string>;
  runtimeVersion: Finding<string>;
  port: Finding<number>;
  startCommand: Finding<string[]>;
  buildCommand: Finding<string[]>;
  healthPath: Finding<string>;
  name: Finding<string>;
  services: Finding<string[]>;
  env: EnvVar[];
  extra: Record<string, Finding<unknown>>;
  /** The main manifest could not be parsed: no folder-name fallback for `name`. */
  manifestBroken?: boolean;
}
