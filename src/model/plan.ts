// The Plan: everything rendering needs, decided and validated. Built once by
// buildPlan (pure); renderPlan turns it into files without deciding anything new.
import type { Answers } from "./answers.js";
import type { StackHints } from "./hints.js";
import type { Sources } from "./resolve.js";
import type { StarterPlan } from "../starters/plan-starter.js";

/** The files every run writes (all of them unless --only says otherwise). */
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

/** Files that come with a backing service (issue 6): written before .docker-scaffold.yml when it is chosen. */
export const SERVICE_OUTPUT_FILES = ["prometheus/prometheus.yml", "grafana/provisioning/datasources/prometheus.yml"] as const;

/** The dev overlay (issue 9: --dev), written right after docker-compose.yml. */
export const DEV_COMPOSE_FILE = "docker-compose.dev.yml";

/** Written only when an answer asks for them (issue 9: --dev, --ci github, --update-bot). */
export const OPTIONAL_OUTPUT_FILES = [DEV_COMPOSE_FILE, ".github/workflows/docker.yml", "renovate.json", ".github/dependabot.yml"] as const;

export type OutputFile = (typeof OUTPUT_FILES)[number] | (typeof SERVICE_OUTPUT_FILES)[number] | (typeof OPTIONAL_OUTPUT_FILES)[number];

/** Every file docker-scaffold may write, in the order they are rendered and listed (the answers file last). */
export const ALL_OUTPUT_FILES: readonly OutputFile[] = [
  ...OUTPUT_FILES.slice(0, 3),
  DEV_COMPOSE_FILE,
  ...OUTPUT_FILES.slice(3).filter((f) => f !== ".docker-scaffold.yml"),
  ...SERVICE_OUTPUT_FILES,
  ...OPTIONAL_OUTPUT_FILES.filter((f) => f !== DEV_COMPOSE_FILE),
  ".docker-scaffold.yml",
];

/** The optional outputs (issue 9) and the answer that turns each on. */
export const WORKFLOW_FILE = ".github/workflows/docker.yml";
export const RENOVATE_FILE = "renovate.json";
export const DEPENDABOT_FILE = ".github/dependabot.yml";
export const OPTIONAL_FILES: Partial<Record<OutputFile, { enabled: (a: Answers) => boolean; how: string }>> = {
  [DEV_COMPOSE_FILE]: { enabled: (a) => a.dev, how: "--dev" },
  [WORKFLOW_FILE]: { enabled: (a) => a.ci === "github", how: "--ci github" },
  [RENOVATE_FILE]: { enabled: (a) => a.updateBot === "renovate", how: "--update-bot renovate" },
  [DEPENDABOT_FILE]: { enabled: (a) => a.updateBot === "dependabot", how: "--update-bot dependabot" },
  "prometheus/prometheus.yml": { enabled: (a) => outputApplies("prometheus/prometheus.yml", a.services), how: "--services prometheus" },
  "grafana/provisioning/datasources/prometheus.yml": { enabled: (a) => outputApplies("grafana/provisioning/datasources/prometheus.yml", a.services), how: "--services prometheus,grafana" },
};

/** The outputs these answers call for, in their usual order. */
export function enabledFiles(a: Answers): OutputFile[] {
  return ALL_OUTPUT_FILES.filter((f) => OPTIONAL_FILES[f]?.enabled(a) ?? true);
}

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
  ".github/workflows/docker.yml": "lines",
  "renovate.json": "lines",
  ".github/dependabot.yml": "lines",
  "prometheus/prometheus.yml": "lines",
  "grafana/provisioning/datasources/prometheus.yml": "lines",
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
  /** pinDigests: each base image reference (`python:3.12-slim-bookworm`) -> its digest (`sha256:...`). */
  digests: Record<string, string>;
  /** Team presets and template packs (issue 8); absent when none is used. */
  sharing?: Sharing;
  /**
   * A repository with several apps (issue 6): each app's plan and folder. The root files
   * (compose, env.example, Makefile, README) wire them together; this plan's own answers
   * are the first app's, and `shared` holds what every app shares (services, security).
   */
  multi?: { apps: AppPlan[]; shared: Record<string, unknown> };
}

/** What presets and template packs add to a plan (src/packs). */
export interface Sharing {
  /** Template layers above the built-in templates, highest first. */
  layers: { dir: string; root: string; label: string }[];
  /** Put in front of every base image of the Dockerfile (a pack's images.registry). */
  imageRegistry: string | null;
  /** --template references, as .docker-scaffold.yml records them. */
  templates: string[];
  /** Every preset and pack used, with the exact version it resolved to. */
  resolved: { ref: string; kind: string; name: string; version: string; commit?: string; npm?: string; sha256?: string }[];
  /** Files the packs add: path in the target, the file in the pack and its text (.hbs is rendered). */
  files: { path: string; file: string; source: string }[];
  /** Answers to the packs' questions (`{{values.<name>}}`); absent when no pack asks any. */
  values?: Record<string, string | number | boolean>;
}


/** One app of a repository with several apps. */
export interface AppPlan {
  /** Its folder, relative to the root (/ separators). */
  path: string;
  plan: Plan;
  /** Compose service name (its answers' name). */
  service: string;
  /** The variable and default of its published host port. */
  hostPortVar: string;
  hostPort: number;
}

export interface RenderedFile {
  /** An output file, or a starter app's file (relative, with / separators). */
  path: string;
  content: string;
  strategy: WriteStrategy;
  /** managed-block only: what a file created now holds above the block (a starter's .gitignore lines). */
  initial?: string;
}

/** Whether an output file belongs to this stack: the monitoring files only come with their service. */
export function outputApplies(file: OutputFile, services: readonly string[]): boolean {
  if (file === "prometheus/prometheus.yml") return services.includes("prometheus");
  if (file === "grafana/provisioning/datasources/prometheus.yml") return services.includes("grafana") && services.includes("prometheus");
  return true;
}

/** How `update` merges a generated file: by its name, also inside an app's folder (api/Dockerfile). */
export function mergeStrategyOf(path: string): MergeStrategy | null {
  const direct = MERGE_STRATEGY[path as OutputFile];
  if (direct !== undefined) return direct;
  const base = path.slice(path.lastIndexOf("/") + 1);
  return base === "Dockerfile" || base === ".dockerignore" ? MERGE_STRATEGY[base] : null;
}
