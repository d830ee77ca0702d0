// Validation of every answer, all problems reported together (DESIGN.md: "Every answer
// is validated before anything is rendered"). Values that could break out of their line
// in a generated file (newlines, control characters, quotes where none may be) are refused.
import type { AnswerProblem } from "../errors.js";
import {
  ANSWER_FLAGS,
  BASES,
  CI_PROVIDERS,
  DEFAULT_CI_IMAGE,
  UPDATE_BOTS,
  FRAMEWORKS,
  LANGUAGES,
  PACKAGE_MANAGERS,
  SECURITY_KEYS,
  type Answers,
  type Language,
  type Security,
} from "./answers.js";
import { splitCommand } from "./command.js";
import { BUILD_SECRET_PACKAGE_MANAGERS, DEV_LANGUAGES, DISTROLESS_JAVA_MAJORS, SUPPORTED } from "./defaults.js";
import { BACKING_SERVICES, isBackingService } from "./services.js";

const NAME_RE = /^[a-z0-9][a-z0-9._-]*$/;
const VERSION_RE = /^\d+(\.\d+)?$/;
// A health path is printed inside a quoted Python/Node.js string in the HEALTHCHECK and
// unquoted in the Makefile's `curl` line, so quotes and shell syntax ($ & ; ( ) * !) are
// refused even where a URL would allow them.
export const HEALTH_PATH_RE = /^\/[A-Za-z0-9._~+,=:@%/-]*$/;
const MEMORY_RE = /^\d+(\.\d+)?[bkmg]?$/i;
const IPV4_RE = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
// Characters that would end a line or a quoted string in a Dockerfile, YAML or Makefile.
const UNSAFE_TEXT_RE = /[\u0000-\u001f\u007f\u2028\u2029]/;

export class Problems {
  readonly list: AnswerProblem[] = [];
  add(key: string, message: string, fix: string): void {
    this.list.push({ key, message, fix });
  }
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function unsafe(text: string): boolean {
  return UNSAFE_TEXT_RE.test(text);
}

/** A command answer as argv, or a problem. Strings are split like a shell would. */
export function toArgv(key: string, value: unknown, problems: Problems): string[] | null {
  let argv: string[];
  if (typeof value === "string") {
    if (unsafe(value)) {
      problems.add(key, "contains a newline or control character, which would inject a line into the Dockerfile", `give ${key} on one line (${ANSWER_FLAGS[key as keyof Answers] ?? key})`);
      return null;
    }
    try {
      argv = splitCommand(value);
    } catch (err) {
      problems.add(key, `cannot be split into words: ${(err as Error).message}`, `close the quote in ${key}, or give it as a YAML list`);
      return null;
    }
  } else if (Array.isArray(value) && value.every((w) => typeof w === "string" || typeof w === "number")) {
    argv = value.map(String);
  } else {
    problems.add(key, `must be a command string or a list of words, got ${describe(value)}`, `e.g. --set ${key}='["node","dist/main.js"]'`);
    return null;
  }
  if (argv.length === 0 || argv.some((w) => w.length === 0)) {
    problems.add(key, "is empty or has an empty word", `give the program and its arguments, e.g. ${key}="node dist/main.js"`);
    return null;
  }
  const bad = argv.find(unsafe);
  if (bad !== undefined) {
    problems.add(key, `word ${describe(bad)} contains a newline or control character, which would inject a line into the Dockerfile`, `remove it from ${key}`);
    return null;
  }
  return argv;
}

function checkEnum(problems: Problems, key: string, value: unknown, allowed: readonly string[]): boolean {
  if (typeof value === "string" && allowed.includes(value)) return true;
  problems.add(key, `${describe(value)} is not one of ${allowed.join(", ")}`, `use ${ANSWER_FLAGS[key as keyof Answers] ?? `--set ${key}=...`} with one of: ${allowed.join(", ")}`);
  return false;
}

function checkInt(problems: Problems, key: string, value: unknown, min: number, max: number, fix: string): boolean {
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return true;
  problems.add(key, `${describe(value)} is not a whole number from ${min} to ${max}`, fix);
  return false;
}

export function validateSecurity(value: unknown, problems: Problems): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.add("security", `must be a mapping of ${SECURITY_KEYS.join(", ")}`, "e.g. --set security.readOnly=true");
    return;
  }
  const sec = value as Record<string, unknown>;
  for (const key of Object.keys(sec)) {
    if (!(SECURITY_KEYS as readonly string[]).includes(key)) {
      problems.add(`security.${key}`, "is not a known security answer", `use one of: ${SECURITY_KEYS.join(", ")}`);
    }
  }
  for (const key of ["readOnly", "dropCapabilities", "noNewPrivileges"] as const) {
    if (typeof sec[key] !== "boolean") problems.add(`security.${key}`, `${describe(sec[key])} is not true or false`, `--set security.${key}=true`);
  }
  if (typeof sec.bindAddress !== "string" || !(IPV4_RE.test(sec.bindAddress) || sec.bindAddress === "::1")) {
    problems.add("security.bindAddress", `${describe(sec.bindAddress)} is not an IPv4 address (or ::1)`, "--set security.bindAddress=127.0.0.1");
  }
  if (typeof sec.memory !== "string" || !MEMORY_RE.test(sec.memory)) {
    problems.add("security.memory", `${describe(sec.memory)} is not a memory size like 512m or 1g`, "--set security.memory=512m");
  }
  if (typeof sec.cpus !== "number" || !(sec.cpus > 0 && sec.cpus <= 256)) {
    problems.add("security.cpus", `${describe(sec.cpus)} is not a positive number of CPUs`, "--set security.cpus=1");
  }
  checkInt(problems, "security.pids", sec.pids, 1, 1_000_000, "--set security.pids=256");
}

/** Validate complete answers; every problem is collected. Returns the problems. */
export function validateAnswers(a: Answers): AnswerProblem[] {
  const problems = new Problems();
  const languageOk = checkEnum(problems, "language", a.language, LANGUAGES);
  if (languageOk) {
    const lang = a.language as Language;
    const supported = SUPPORTED[lang];
    if (!supported) {
      problems.add("language", `${lang} is a known language but this version of docker-scaffold cannot render it yet`, `use --language with one of: ${Object.keys(SUPPORTED).join(", ")}`);
    } else {
      if (typeof a.framework !== "string" || !FRAMEWORKS[lang].includes(a.framework)) {
        problems.add("framework", `${describe(a.framework)} is not a ${lang} framework`, `use --framework with one of: ${FRAMEWORKS[lang].join(", ")}`);
      }
      if (typeof a.packageManager !== "string" || !PACKAGE_MANAGERS[lang].includes(a.packageManager)) {
        problems.add("packageManager", `${describe(a.packageManager)} is not a ${lang} package manager`, `use --package-manager with one of: ${supported.packageManagers.join(", ")}`);
      } else if (!supported.packageManagers.includes(a.packageManager)) {
        problems.add("packageManager", `${a.packageManager} is not supported for ${lang} yet`, `use --package-manager with one of: ${supported.packageManagers.join(", ")}`);
      }
      if (lang === "java" && a.base === "distroless" && !DISTROLESS_JAVA_MAJORS.includes(String(a.runtimeVersion))) {
        problems.add("base", `distroless Java exists for Java ${DISTROLESS_JAVA_MAJORS.join(" and ")} only, not ${describe(a.runtimeVersion)}`, `use --base slim (eclipse-temurin JRE), or --runtime-version ${DISTROLESS_JAVA_MAJORS.at(-1)}`);
      }
      if (lang === "python" && a.base === "distroless") {
        problems.add("base", "distroless is not offered for Python: gcr.io/distroless/python3 ships Debian's Python 3.11 only, so a virtualenv built on python:X-slim would not run in it", "use --base slim");
      }
    }
  }
  if (typeof a.runtimeVersion !== "string" || !VERSION_RE.test(a.runtimeVersion)) {
    problems.add("runtimeVersion", `${describe(a.runtimeVersion)} is not a major or major.minor version`, 'e.g. --runtime-version 3.12 (a YAML string: runtimeVersion: "3.12")');
  }
  checkInt(problems, "port", a.port, 1024, 65535, "use --port with a number from 1024 to 65535 (non-root cannot bind lower ports)");
  if (typeof a.name !== "string" || !NAME_RE.test(a.name) || a.name.length > 63) {
    problems.add("name", `${describe(a.name)} is not a lower-case image name ([a-z0-9][a-z0-9._-]*, at most 63 characters)`, "use --name my-app");
  }
  checkInt(problems, "uid", a.uid, 1, 2_147_483_647, "use --uid 10001 (a numeric, non-root uid)");
  checkInt(problems, "gid", a.gid, 1, 2_147_483_647, "use --set gid=10001 (a numeric, non-root gid)");
  checkEnum(problems, "base", a.base, BASES);
  if (a.healthPath !== null && (typeof a.healthPath !== "string" || !HEALTH_PATH_RE.test(a.healthPath))) {
    problems.add("healthPath", `${describe(a.healthPath)} is not an HTTP path starting with / (letters, digits and . _ ~ + , = : @ % / - only)`, "use --health-path /health, or --set healthPath=null for a TCP probe");
  }
  validateServices(a.services, problems);
  for (const key of ["dev", "buildSecrets"] as const) {
    if (typeof a[key] !== "boolean") problems.add(key, `${describe(a[key])} is not true or false`, `use ${ANSWER_FLAGS[key]}, or --set ${key}=true`);
  }
  if (a.dev === true && !DEV_LANGUAGES.includes(a.language)) {
    // The dev stage (reloading server) exists for Python, Node.js and Go; refused rather than
    // writing a docker-compose.dev.yml whose build target the Dockerfile does not have.
    problems.add("dev", `a development target is not available for ${a.language} yet`, "leave it off (--no-dev); cargo watch / Spring DevTools in a dev container are not generated yet");
  }
  if (a.buildSecrets === true && !BUILD_SECRET_PACKAGE_MANAGERS.includes(a.packageManager)) {
    problems.add(
      "buildSecrets",
      `build secrets are not wired for ${describe(a.packageManager)} yet (supported: ${BUILD_SECRET_PACKAGE_MANAGERS.join(", ")})`,
      "leave buildSecrets off (--set buildSecrets=false), or use one of those package managers",
    );
  }
  validateSecurity(a.security as Security, problems);
  validateDelivery(a, problems);
  toArgv("startCommand", a.startCommand, problems);
  if (a.buildCommand !== null) toArgv("buildCommand", a.buildCommand, problems);
  return problems.list;
}

// A registry host (with an optional port) and a lower-case repository path: the reference
// grammar of the OCI distribution spec, without a tag (CI adds the tags).
const IMAGE_RE = /^[a-z0-9]+(?:[.-][a-z0-9]+)*(?::\d{1,5})?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+$/;

/** The first component names a registry (docker.io/acme/api), not a Docker Hub user (acme/api). */
const isRegistryHost = (first: string) => first.includes(".") || first.includes(":") || first === "localhost";

/** The CI, publishing and update-bot answers (issue 9). */
function validateDelivery(a: Answers, problems: Problems): void {
  if (checkEnum(problems, "ci", a.ci, CI_PROVIDERS) && a.ci === "gitlab") {
    // Designed for (the answer, the output path .gitlab-ci.yml, the same jobs), not written yet:
    // refusing is better than writing nothing and exiting 0.
    problems.add("ci", "gitlab is not yet supported (only github writes a workflow in this version)", "use --ci github, or --ci none and keep your own .gitlab-ci.yml");
  }
  if (typeof a.image !== "string" || (a.image !== DEFAULT_CI_IMAGE && !(IMAGE_RE.test(a.image) && isRegistryHost(a.image.split("/")[0]!) && a.image.length <= 255))) {
    problems.add("image", `${describe(a.image)} is not a registry and repository like ghcr.io/acme/api or docker.io/acme/api (lower case, no tag)`, `use --image ghcr.io/<owner>/<repo>, or leave it out for ${DEFAULT_CI_IMAGE}`);
  }
  if (typeof a.pinDigests !== "boolean") problems.add("pinDigests", `${describe(a.pinDigests)} is not true or false`, "use --pin-digests, or --set pinDigests=false");
  else if (a.pinDigests && (a.language === "rust" || a.language === "java")) {
    // Their build image depends on the repository (cargo workspace, Maven/Gradle wrapper): not yet
    // wired into the digest resolver. Refused rather than written unpinned.
    problems.add("pinDigests", `pinning base images by digest is not yet supported for ${a.language}`, "leave out --pin-digests (or --set pinDigests=false) and pin the FROM lines by hand, or let Renovate/Dependabot pin them (--update-bot)");
  }
  checkEnum(problems, "updateBot", a.updateBot, UPDATE_BOTS);
}

/** `services`: a list of known backing services, each once. */
export function validateServices(value: unknown, problems: Problems): void {
  const known = BACKING_SERVICES.join(", ");
  if (!Array.isArray(value) || !value.every((s) => typeof s === "string")) {
    problems.add("services", `${describe(value)} is not a list of service names`, `use --services postgres,redis (known: ${known})`);
    return;
  }
  const unknown = value.filter((s) => !isBackingService(s));
  if (unknown.length) {
    problems.add("services", `${unknown.map(describe).join(", ")} ${unknown.length > 1 ? "are not backing services" : "is not a backing service"} docker-scaffold knows`, `use --services with some of: ${known}`);
  }
  const dup = value.find((s, i) => value.indexOf(s) !== i);
  if (dup !== undefined) problems.add("services", `${describe(dup)} is listed twice`, "name each service once");
}
