// View models: plain data for the templates (HOUSE-STYLE habit 3: templates print,
// TypeScript decides). One builder per language plus what every file shares.
import { DEFAULT_CI_IMAGE, type Answers } from "../model/answers.js";
import { registryOf } from "./ci-github.js";
import { joinCommand } from "../model/command.js";
import { BASE_IMAGES, TOOL_VERSIONS } from "../model/defaults.js";
import { fromImages } from "../digests/base-images.js";
import { GO_DEV_DIR, GO_DEV_RELOAD_SCRIPT, devTarget } from "../model/dev-target.js";
import type { Plan } from "../model/plan.js";
import { buildSecretFor } from "./build-secrets.js";
import { execJson, healthcheckFor } from "./healthcheck.js";
import { NODE_PACKAGE_MANAGERS } from "./package-managers.js";

const FRAMEWORK_LABELS: Record<string, string> = {
  flask: "Flask behind gunicorn",
  fastapi: "FastAPI behind uvicorn",
  django: "Django behind gunicorn",
  express: "Express",
  fastify: "Fastify",
  nestjs: "NestJS",
  nextjs: "Next.js (standalone output)",
  gin: "Gin",
  echo: "Echo",
  chi: "chi",
  fiber: "Fiber",
  axum: "axum",
  "actix-web": "actix-web",
  rocket: "Rocket",
  "spring-boot": "Spring Boot (layered jar)",
  quarkus: "Quarkus (fast-jar)",
};

const RUNTIME_LABELS: Record<string, string> = { python: "Python", node: "Node.js", go: "Go", rust: "Rust", java: "Java" };

export function stackLabel(a: Answers): string {
  const runtime = `${RUNTIME_LABELS[a.language] ?? a.language} ${a.runtimeVersion}`;
  const framework = FRAMEWORK_LABELS[a.framework];
  const base = a.base === "distroless" ? "distroless" : "Debian slim";
  return `${framework ? `${framework} on ` : ""}${runtime}, ${a.packageManager}, ${base}`;
}

export interface CommonView {
  generator: string;
  preset: string | null;
  name: string;
  stackLabel: string;
  runtimeVersion: string;
  port: number;
  uid: number;
  gid: number;
  bind: string;
  healthPath: string | null;
  distroless: boolean;
  hasShell: boolean;
  versions: typeof TOOL_VERSIONS;
  healthcheck: { json: string; tool: string; startPeriod: string };
  entrypointJson: string | null;
  cmdJson: string;
  /** Writable paths besides /tmp (tmpfs in compose). */
  extraTmpfs: string[];
  /** Base images pinned by digest (--pin-digests): the FROM lines carry the versions, no version ARG. */
  pinned: boolean;
  /** CI and update bot, for README.Docker.md. */
  delivery: { ci: boolean; image: string; registry: string; ghcr: boolean; updateBot: boolean; updateBotName: string; updateBotFile: string };
  /** The dev stage (issue 9), or null when the dev answer is off. */
  dev: { cmdJson: string; reload: string; writable: string[] } | null;
  /** The build secret the install steps mount (issue 9), or null. */
  secret: { id: string; mount: string; prelude: string | null; flag: string } | null;
}

/** Writable paths besides /tmp that the app needs on a read-only root (each becomes a tmpfs). */
export function extraWritablePaths(a: Answers): string[] {
  return a.language === "node" && a.framework === "nextjs" ? ["/app/.next/cache"] : [];
}

/** tmpfs mounts (path:options) for a read-only root: /tmp, then the app's own writable paths. */
export function tmpfsMounts(a: Answers): string[] {
  return ["/tmp:rw,noexec,nosuid,size=64m", ...extraWritablePaths(a).map((p) => `${p}:rw,noexec,nosuid,size=256m,mode=1777`)];
}

/** The start command as CMD, with `node` spelled as distroless's /nodejs/bin/node. */
function startArgv(a: Answers): string[] {
  const [first, ...rest] = a.startCommand;
  if (a.language === "node" && a.base === "distroless" && first === "node") return ["/nodejs/bin/node", ...rest];
  return a.startCommand;
}

export function commonView(plan: Plan): CommonView {
  const a = plan.answers;
  const hc = healthcheckFor(a);
  const usesTini = a.language === "python" || a.language === "node" || a.language === "rust";
  // Java: the JVM is PID 1 (it handles SIGTERM); the base image's ENTRYPOINT (distroless
  // java's `java -jar`, Temurin's CA-certificates script) is cleared so CMD is the command.
  const entrypoint = usesTini ? execJson(["/usr/local/bin/tini", "--"]) : a.language === "java" ? "[]" : null;
  return {
    generator: `${plan.generator.name} ${plan.generator.version}`,
    preset: plan.preset?.name ?? null,
    name: a.name,
    stackLabel: stackLabel(a),
    runtimeVersion: a.runtimeVersion,
    port: a.port,
    uid: a.uid,
    gid: a.gid,
    bind: a.security.bindAddress,
    healthPath: a.healthPath,
    distroless: a.base === "distroless",
    hasShell: a.base !== "distroless",
    versions: TOOL_VERSIONS,
    // The JVM (Spring Boot in particular) takes longer to start than a binary or an interpreter.
    healthcheck: { json: execJson(hc.argv), tool: hc.tool, startPeriod: a.language === "java" ? "60s" : "20s" },
    entrypointJson: entrypoint,
    cmdJson: execJson(startArgv(a)),
    extraTmpfs: extraWritablePaths(a),
    pinned: a.pinDigests,
    delivery: {
      ci: a.ci === "github",
      image: a.image === DEFAULT_CI_IMAGE ? "ghcr.io/<owner>/<repository>" : a.image,
      registry: registryOf(a.image),
      ghcr: registryOf(a.image) === "ghcr.io",
      updateBot: a.updateBot !== "none",
      updateBotName: a.updateBot === "renovate" ? "Renovate" : "Dependabot",
      updateBotFile: a.updateBot === "renovate" ? "renovate.json" : ".github/dependabot.yml",
    },
    dev: devView(plan),
    secret: secretView(plan),
  };
}

function devView(plan: Plan): CommonView["dev"] {
  if (!plan.answers.dev) return null;
  const t = devTarget(plan.answers, plan.hints);
  return { cmdJson: execJson(t.command), reload: t.reload, writable: t.writable.map((w) => w.path) };
}

function secretView(plan: Plan): CommonView["secret"] {
  const s = buildSecretFor(plan.answers);
  return s ? { id: s.id, mount: s.mount, prelude: s.prelude, flag: s.flag } : null;
}

/** A script line as a double-quoted shell word for `printf '%s\n' ...` (no single quotes: shellcheck SC2016). */
function shellWord(line: string): string {
  return `"${line.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

function requirementsCopy(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash === -1 ? `${file} ./` : `${file.slice(0, slash)}/ ./${file.slice(0, slash)}/`;
}

export function pythonView(plan: Plan): object {
  const a = plan.answers;
  return {
    ...commonView(plan),
    images: fromImages(a, plan.digests),
    isPip: a.packageManager === "pip",
    requirementsFile: plan.hints.requirementsFile ?? "requirements.txt",
    // A file in a folder (requirements/prod.txt) may include its siblings (-r base.txt): copy the folder.
    requirementsCopy: requirementsCopy(plan.hints.requirementsFile ?? "requirements.txt"),
    isPoetry: a.packageManager === "poetry",
    isUv: a.packageManager === "uv",
    isDjango: a.framework === "django",
    devRequirementsFile: plan.hints.devRequirementsFile ?? null,
    devRequirementsCopy: plan.hints.devRequirementsFile ? requirementsCopy(plan.hints.devRequirementsFile) : null,
  };
}

/** The directory a Node.js build writes, taken from the start script (`node dist/main.js` -> dist). */
export function nodeOutputDir(a: Answers): string | null {
  if (!a.buildCommand || a.framework === "nextjs") return null;
  const script = a.startCommand.slice(1).find((w) => !w.startsWith("-"));
  const first = script?.split("/")[0];
  return script && script.includes("/") && first && first !== "." && first !== ".." ? first : null;
}

export function nodeView(plan: Plan): object {
  const a = plan.answers;
  const pm = NODE_PACKAGE_MANAGERS[a.packageManager]!;
  return {
    ...commonView(plan),
    images: fromImages(a, plan.digests),
    pm,
    isNext: a.framework === "nextjs",
    buildRun: a.buildCommand ? joinCommand(a.buildCommand) : null,
    outputDir: nodeOutputDir(a),
  };
}

export function goView(plan: Plan): object {
  const a = plan.answers;
  return {
    ...commonView(plan),
    images: fromImages(a, plan.digests),
    goManifests: "go.mod go.sum*",
    buildRun: joinCommand(a.buildCommand ?? ["go", "build", "-o", "/out/server", "."]),
    goDevDir: GO_DEV_DIR,
    goDevMain: plan.hints.goMain ?? ".",
    goDevScript: GO_DEV_RELOAD_SCRIPT.map(shellWord),
  };
}
