// The flags of `init` and how they map to runInit options. Only commander types here, so
// the program can declare init's options without loading the generator.
import type { Command } from "commander";
import type { InitOptions } from "../init/run-init.js";
import type { PartialAnswers } from "../model/answers.js";

export interface InitFlags {
  preset?: string;
  template: string[];
  offline?: boolean;
  refresh?: boolean;
  yes?: boolean;
  set: string[];
  value: string[];
  answers?: string;
  language?: string;
  framework?: string;
  packageManager?: string;
  runtimeVersion?: string;
  port?: string;
  startCommand?: string;
  buildCommand?: string;
  healthPath?: string;
  name?: string;
  uid?: string;
  base?: string;
  ci?: string;
  image?: string;
  pinDigests?: boolean;
  updateBot?: string;
  services?: string;
  dev?: boolean;
  buildSecrets?: boolean;
  only?: string;
  dryRun?: boolean;
  diff?: boolean;
  force?: boolean;
  check?: boolean;
  json?: boolean;
  app: string[];
  explain?: boolean;
  detect?: boolean;
  starter?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function addInitOptions(cmd: Command): Command {
  return cmd
    .option("-p, --preset <ref>", "a preset: a built-in name (see `presets`), a path, npm:<package>[/<name>], gh:<org>/<repo>[//dir][#ref], git+https://... or <alias>:<name>")
    .option("-t, --template <ref>", "a template pack (same references as --preset; repeatable, the first ranks highest)", collect, [])
    .option("--offline", "use only node_modules and the cache for npm and git references")
    .option("--refresh", "fetch npm and git references again, past the versions .docker-scaffold.yml records")
    .option("-y, --yes", "never prompt: flags, preset, recorded answers, then defaults")
    .option("--set <key=value>", "any answer by its key, YAML-typed (repeatable)", collect, [])
    .option("--value <name=value>", "an answer to a template pack's question (repeatable)", collect, [])
    .option("--answers <file>", "answers from a YAML file")
    .option("--language <name>", "python, node or go")
    .option("--framework <name>", "e.g. flask, fastapi, django, express, fastify, nestjs, nextjs, none")
    .option("--package-manager <name>", "pip, poetry, uv, npm, pnpm, yarn, go")
    .option("--runtime-version <version>", 'major or major.minor, e.g. "3.12", "22", "1.23"')
    .option("--port <port>", "the port the app listens on (1024-65535)")
    .option("--start-command <cmd>", "the production start command")
    .option("--build-command <cmd>", "the build step, run in the build stage")
    .option("--health-path <path>", "HTTP path of the health probe (empty: TCP probe)")
    .option("--name <name>", "image and service name (default: the directory name)")
    .option("--uid <uid>", "numeric uid (and gid) to run as")
    .option("--base <flavour>", "final image: slim or distroless")
    .option("--ci <provider>", "also write a CI workflow: none or github (gitlab: not yet)")
    .option("--image <repository>", "where CI publishes the image (default: ghcr.io/<owner>/<repo>)")
    .option("--pin-digests", "pin base images by digest (image:tag@sha256:...), resolved from their registries")
    .option("--update-bot <bot>", "also write a config for none, renovate or dependabot")
    .option("--services <list>", "backing services for compose, comma-separated: postgres, redis, prometheus, grafana (empty: none)")
    .option("--app <path>", "in a repository with several apps, a sub-folder to containerise (repeatable: several apps in one compose file)", collect, [])
    .option("--dev", "also a `dev` stage with a reloading server, docker-compose.dev.yml and `make dev`")
    .option("--no-dev", "no development target")
    .option("--build-secrets", "install dependencies with a private registry's credentials passed as build secrets (never build args)")
    .option("--no-build-secrets", "no build secrets")
    .option("--explain", "print what detection found, with its evidence, before writing")
    .option("--no-detect", "do not read the repository to pre-fill answers")
    .option("--starter", "where there is no app yet, also write a minimal starter app for the stack")
    .option("--no-starter", "never offer a starter app")
    .option("--only <files>", "write only these files (comma-separated)")
    .option("--dry-run", "write nothing; show what would happen")
    .option("--diff", "with --dry-run, or on a conflict, print unified diffs")
    .option("--force", "overwrite existing files that differ")
    .option("--check", "write nothing; exit 1 if a file is not what would be written (what `update` would write: your kept edits are not drift)")
    .option("--json", "print a machine-readable result");
}

export function flagAnswers(f: InitFlags): PartialAnswers {
  const out: Record<string, unknown> = {
    language: f.language,
    framework: f.framework,
    packageManager: f.packageManager,
    runtimeVersion: f.runtimeVersion,
    port: f.port,
    startCommand: f.startCommand,
    buildCommand: f.buildCommand,
    healthPath: f.healthPath === undefined ? undefined : f.healthPath.trim() === "" ? null : f.healthPath,
    name: f.name,
    uid: f.uid,
    base: f.base,
    ci: f.ci,
    image: f.image,
    pinDigests: f.pinDigests,
    updateBot: f.updateBot,
    services: f.services === undefined ? undefined : f.services.split(",").map((s) => s.trim()).filter(Boolean),
    dev: f.dev,
    buildSecrets: f.buildSecrets,
  };
  if (f.uid !== undefined) out.gid = f.uid;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as PartialAnswers;
}

/** The runInit options that parsed flags stand for. */
export function initOptions(f: InitFlags): InitOptions {
  return {
    preset: f.preset,
    templates: f.template?.length ? f.template : undefined,
    offline: f.offline,
    refresh: f.refresh,
    flags: flagAnswers(f),
    set: f.set,
    values: f.value,
    answersFile: f.answers,
    only: f.only ? [f.only] : undefined,
    dryRun: f.dryRun,
    force: f.force,
    diff: f.diff,
    // One --app: that app alone (as before); several: all of them, one compose file.
    app: f.app.length === 1 ? f.app[0] : undefined,
    apps: f.app.length > 1 ? f.app : undefined,
    detect: f.detect,
    starter: f.starter,
  };
}
