// The one answer vocabulary (DESIGN.md, "Answers"): presets, --set, --answers,
// .docker-scaffold.yml and `detect --json` all use these keys.

export const LANGUAGES = ["python", "node", "go", "rust", "java"] as const;
export type Language = (typeof LANGUAGES)[number];

export const FRAMEWORKS: Record<Language, readonly string[]> = {
  python: ["flask", "fastapi", "django", "none"],
  node: ["express", "fastify", "nestjs", "nextjs", "none"],
  go: ["gin", "echo", "chi", "fiber", "none"],
  rust: ["axum", "actix-web", "rocket", "none"],
  java: ["spring-boot", "quarkus", "none"],
};

export const PACKAGE_MANAGERS: Record<Language, readonly string[]> = {
  python: ["pip", "poetry", "uv", "pipenv"],
  node: ["npm", "pnpm", "yarn", "bun"],
  go: ["go"],
  rust: ["cargo"],
  java: ["maven", "gradle"],
};

export const BASES = ["slim", "distroless"] as const;
export type Base = (typeof BASES)[number];

export interface Security {
  readOnly: boolean;
  dropCapabilities: boolean;
  noNewPrivileges: boolean;
  /** Host address published ports bind to. */
  bindAddress: string;
  /** Compose memory limit, e.g. "512m". */
  memory: string;
  /** Compose CPU limit, e.g. 1 or 0.5. */
  cpus: number;
  /** Compose pids limit. */
  pids: number;
}

/** CI providers: `github` writes .github/workflows/docker.yml; `gitlab` is designed for, not written yet. */
export const CI_PROVIDERS = ["none", "github", "gitlab"] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

/** A bot that keeps base-image tags and digests (and the workflow's actions) fresh. */
export const UPDATE_BOTS = ["none", "renovate", "dependabot"] as const;
export type UpdateBot = (typeof UPDATE_BOTS)[number];

/** Where the CI workflow publishes by default: GitHub's registry, named after the repository. */
export const DEFAULT_CI_IMAGE = "ghcr.io/${{ github.repository }}";

/** A command as an argv list (preferred) or a string that is split on spaces. */
export type Command = string[] | string;

/** Every answer, resolved: what buildPlan works from. */
export interface Answers {
  language: Language;
  framework: string;
  packageManager: string;
  runtimeVersion: string;
  port: number;
  startCommand: string[];
  buildCommand: string[] | null;
  healthPath: string | null;
  name: string;
  uid: number;
  gid: number;
  base: Base;
  security: Security;
  services: string[];
  /** CI workflow to write (issue 9). */
  ci: CiProvider;
  /** The image repository CI pushes to (registry/path), e.g. ghcr.io/acme/api. */
  image: string;
  /** Resolve each base image tag to its digest and write `image:tag@sha256:...`. */
  pinDigests: boolean;
  /** Renovate or Dependabot config that keeps tags, digests and actions fresh. */
  updateBot: UpdateBot;
  /** Add a `dev` stage (reloading server, dev dependencies), docker-compose.dev.yml and `make dev` (issue 9). */
  dev: boolean;
  /** Install dependencies with build secrets (`RUN --mount=type=secret`): a private registry's credentials (issue 9). */
  buildSecrets: boolean;
}

/** Answers as they come from a source (flags, preset, file, prompts, detection): any subset, untyped values. */
export type PartialAnswers = { [K in keyof Answers]?: unknown };

/** The keys that describe the app (what detection can find); the delivery keys follow. */
export const APP_ANSWER_KEYS = [
  "language",
  "framework",
  "packageManager",
  "runtimeVersion",
  "port",
  "startCommand",
  "buildCommand",
  "healthPath",
  "name",
  "uid",
  "gid",
  "base",
  "security",
  "services",
] as const satisfies readonly (keyof Answers)[];

/** How the image is built, pinned and published, and what else is written (issue 9): never detected, only chosen. */
export const DELIVERY_KEYS = ["dev", "buildSecrets", "ci", "image", "pinDigests", "updateBot"] as const satisfies readonly (keyof Answers)[];

export const ANSWER_KEYS = [...APP_ANSWER_KEYS, ...DELIVERY_KEYS] as const;

export const SECURITY_KEYS = [
  "readOnly",
  "dropCapabilities",
  "noNewPrivileges",
  "bindAddress",
  "memory",
  "cpus",
  "pids",
] as const satisfies readonly (keyof Security)[];

/** The flag that supplies each answer, for error messages ("missing: port (--port <n>)"). */
export const ANSWER_FLAGS: Record<keyof Answers, string> = {
  language: "--language <python|node|go|rust|java>",
  framework: "--framework <name>",
  packageManager: "--package-manager <name>",
  runtimeVersion: "--runtime-version <x.y>",
  port: "--port <1024-65535>",
  startCommand: "--start-command <cmd>",
  buildCommand: "--build-command <cmd>",
  healthPath: "--health-path </path>",
  name: "--name <name>",
  uid: "--uid <n>",
  gid: "--set gid=<n>",
  base: "--base <slim|distroless>",
  security: "--set security.<key>=<value>",
  services: "--services <postgres,redis,prometheus,grafana>",
  ci: "--ci <none|github>",
  image: "--image <registry/repository>",
  pinDigests: "--pin-digests",
  updateBot: "--update-bot <none|renovate|dependabot>",
  dev: "--dev",
  buildSecrets: "--build-secrets",
};

export function isAnswerKey(key: string): key is keyof Answers {
  return (ANSWER_KEYS as readonly string[]).includes(key);
}
