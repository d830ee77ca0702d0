// Default tables: what an answer is when nothing (flag, preset, file, detection,
// prompt) supplied it. Base images and pinned tool versions live here too, so the
// templates only print what these tables decide.
import type { Answers, Language, Security } from "./answers.js";

export const DEFAULT_SECURITY: Security = {
  readOnly: true,
  dropCapabilities: true,
  noNewPrivileges: true,
  bindAddress: "127.0.0.1",
  memory: "512m",
  cpus: 1,
  pids: 256,
};

interface LanguageDefaults {
  framework: string;
  packageManager: string;
  runtimeVersion: string;
  port: number;
  healthPath: string | null;
}

export const LANGUAGE_DEFAULTS: Record<Language, LanguageDefaults> = {
  python: { framework: "fastapi", packageManager: "pip", runtimeVersion: "3.12", port: 8000, healthPath: "/health" },
  node: { framework: "express", packageManager: "npm", runtimeVersion: "22", port: 3000, healthPath: "/health" },
  go: { framework: "none", packageManager: "go", runtimeVersion: "1.23", port: 8080, healthPath: "/healthz" },
  rust: { framework: "axum", packageManager: "cargo", runtimeVersion: "1.83", port: 8080, healthPath: "/health" },
  java: { framework: "spring-boot", packageManager: "maven", runtimeVersion: "21", port: 8080, healthPath: "/actuator/health" },
};

/** Languages and package managers this version renders; the others are valid keys for later stacks. */
export const SUPPORTED: Partial<Record<Language, { packageManagers: readonly string[] }>> = {
  python: { packageManagers: ["pip", "poetry", "uv"] },
  node: { packageManagers: ["npm", "pnpm", "yarn"] },
  go: { packageManagers: ["go"] },
  rust: { packageManagers: ["cargo"] },
  java: { packageManagers: ["maven", "gradle"] },
};

/**
 * Package managers whose install step takes a private registry's credentials as a build secret
 * (issue 9). Poetry keeps credentials per source name (POETRY_HTTP_BASIC_<SOURCE>_*), which the
 * Dockerfile cannot know; Maven and Gradle arrive with the Java templates.
 */
/** Languages with a `dev` stage (issue 9): the compiled Rust and Java stacks have none yet. */
export const DEV_LANGUAGES: readonly string[] = ["python", "node", "go"];

export const BUILD_SECRET_PACKAGE_MANAGERS: readonly string[] = ["pip", "uv", "npm", "pnpm", "yarn", "go"];

/** Numeric uid/gid of the non-root user: 10001 on Debian slim, distroless's own `nonroot` otherwise. */
export function defaultUid(base: Answers["base"]): number {
  return base === "distroless" ? 65532 : 10001;
}

/** Base images, as ARG-able references. `{v}` is the runtime version ARG. */
export const BASE_IMAGES = {
  python: { build: "python:${PYTHON_VERSION}-slim-bookworm", slim: "python:${PYTHON_VERSION}-slim-bookworm" },
  node: {
    build: "node:${NODE_VERSION}-bookworm-slim",
    slim: "node:${NODE_VERSION}-bookworm-slim",
    distroless: "gcr.io/distroless/nodejs${NODE_VERSION}-debian12:nonroot",
  },
  go: {
    build: "golang:${GO_VERSION}-bookworm",
    slim: "debian:bookworm-slim",
    distroless: "gcr.io/distroless/static-debian12:nonroot",
  },
  rust: {
    build: "rust:${RUST_VERSION}-slim-bookworm",
    slim: "debian:bookworm-slim",
    // glibc binary: distroless cc has libc, libgcc_s and libssl-free CA roots, no shell.
    distroless: "gcr.io/distroless/cc-debian12:nonroot",
  },
  java: {
    /** Maven without a wrapper: the official Maven image on the same JDK. */
    maven: "maven:${MAVEN_VERSION}-eclipse-temurin-${JAVA_VERSION}",
    /** Gradle without a wrapper: the official Gradle image on the same JDK. */
    gradle: "gradle:${GRADLE_VERSION}-jdk${JAVA_VERSION}",
    /** With mvnw/gradlew: a plain JDK; the wrapper fetches the build tool it pins. */
    jdk: "eclipse-temurin:${JAVA_VERSION}-jdk",
    slim: "eclipse-temurin:${JAVA_VERSION}-jre",
    distroless: "gcr.io/distroless/java${JAVA_VERSION}-debian12:nonroot",
  },
} as const;

/** Pinned tool versions, each a build ARG the user can override. */
export const TOOL_VERSIONS = {
  /** Debian bookworm's tini package (its /usr/bin/tini, dynamically linked against glibc only, is copied into the final stage). */
  tini: "0.19.0-1+b3",
  poetry: "1.8.5",
  uv: "0.5.11",
  pnpm: "9.15.4",
  yarn: "1.22.22",
  hadolint: "v2.12.0",
  trivy: "0.58.1",
  dclint: "3.1.0",
  maven: "3.9.9",
  gradle: "8.11.1",
} as const;

/** Java majors that have a distroless image (gcr.io/distroless/javaNN-debian12). */
export const DISTROLESS_JAVA_MAJORS = ["17", "21"];

/** Node.js majors that have a distroless image (gcr.io/distroless/nodejsNN-debian12). */
export const DISTROLESS_NODE_MAJORS = ["18", "20", "22", "24"];
