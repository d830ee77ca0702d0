// Which starter fits the resolved answers, and what would stop it. Pure: answers in,
// a StarterPlan (or every reason there is none) out. A starter is written exactly as the
// answers say (port, health path, package manager); the one thing it may change is a
// command that came from a default, when the starter runs with another one (Fastify's
// starter is TypeScript: `node dist/server.js` after `npm run build`).
import { AnswersError, type AnswerProblem } from "../errors.js";
import type { Answers, PartialAnswers } from "../model/answers.js";
import { joinCommand } from "../model/command.js";
import type { AppEnvVar } from "../model/env-entries.js";
import type { Sources } from "../model/resolve.js";
import { STARTERS, buildFits, findStarter, starterBuildCommand, type Starter, type StarterView } from "./catalog.js";

/** A starter chosen for the answers: what rendering needs. */
export interface StarterPlan {
  id: string;
  label: string;
  /** The files it writes, relative to the app directory, in the order they are listed. */
  files: string[];
  view: StarterView;
  packageManager: string;
  /** Lines of a new .gitignore (above docker-scaffold's block). */
  gitignore: string[];
  /** The variables its code reads (env.example documents them, compose passes them). */
  env: AppEnvVar[];
  /** How to run its own test, and where its code starts (for the closing message). */
  test: string;
  entry: string;
}

export interface StarterCheck {
  starter: Starter | null;
  /** Why no starter can be written for these answers (empty: one can). */
  problems: AnswerProblem[];
  /** Answers the starter sets because only a default stood in their place (start and build commands). */
  adjust: PartialAnswers;
}

/** Paths of plain segments: a Next.js route folder, a Django `path()`, a ServeMux pattern alike. */
const STARTER_HEALTH_PATH = /^(\/[A-Za-z0-9][A-Za-z0-9._-]*)+$/;

const UNLOCKABLE: Record<string, string> = {
  poetry: "poetry.lock",
  uv: "uv.lock",
  pipenv: "Pipfile.lock",
};

/** "3.9" < "3.12": compare dotted versions number by number. */
export function versionBelow(version: string, min: string): boolean {
  const a = version.split(".").map(Number);
  const b = min.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

const fromDefault = (source: string | undefined) => source === undefined || source === "default";

export function checkStarter(a: Answers, sources: Sources): StarterCheck {
  const starter = findStarter(a.language, a.framework);
  const adjust: Record<string, unknown> = {};
  if (!starter) {
    const known = STARTERS.map((s) => `${s.language}/${s.framework}`).join(", ");
    return {
      starter,
      adjust,
      problems: [{ key: "framework", message: `there is no starter for ${a.language}/${a.framework} (starters: ${known})`, fix: `choose a stack that has one, e.g. --preset ${STARTERS[0]!.id}, or scaffold without --starter` }],
    };
  }
  const problems: AnswerProblem[] = [];
  if (!starter.packageManagers.includes(a.packageManager)) {
    const lock = UNLOCKABLE[a.packageManager];
    problems.push({
      key: "packageManager",
      message: lock
        ? `the ${starter.label} starter installs with ${starter.packageManagers.join(" or ")}: a ${a.packageManager} starter needs a ${lock} resolved against PyPI, which docker-scaffold does not ship`
        : `the ${starter.label} starter installs with ${starter.packageManagers.join(", ")}, not ${a.packageManager}`,
      fix: `use --package-manager ${starter.packageManagers[0]}${lock ? ` (and move to ${a.packageManager} later, e.g. \`${a.packageManager === "uv" ? "uv add -r requirements.txt" : a.packageManager === "poetry" ? "poetry add $(cat requirements.txt)" : "pipenv install -r requirements.txt"}\`)` : ""}`,
    });
  }
  if (versionBelow(a.runtimeVersion, starter.minRuntime)) {
    problems.push({ key: "runtimeVersion", message: `the ${starter.label} starter needs ${starter.minRuntime} or later, not ${a.runtimeVersion}`, fix: `use --runtime-version ${starter.minRuntime} or later` });
  }
  if (a.healthPath === null || !STARTER_HEALTH_PATH.test(a.healthPath)) {
    problems.push({
      key: "healthPath",
      message: a.healthPath === null
        ? "a starter serves a health route, and the answers ask for a TCP probe"
        : `${a.healthPath} is not a path a starter can serve (plain segments of letters, digits, . _ -; not / itself, which serves the greeting)`,
      fix: "use --health-path /health (or another plain path such as /healthz, /api/health)",
    });
  }
  const start = starter.start(a);
  if (joinCommand(a.startCommand) !== joinCommand(start)) {
    if (fromDefault(sources.startCommand)) adjust.startCommand = start;
    else problems.push({ key: "startCommand", message: `the ${starter.label} starter runs with \`${joinCommand(start)}\`, not \`${joinCommand(a.startCommand)}\` (${sources.startCommand})`, fix: "drop the start command to use the starter's, or scaffold without --starter" });
  }
  if (!buildFits(starter, a, a.buildCommand)) {
    const build = starterBuildCommand(starter, a);
    const what = build ? `\`${joinCommand(build)}\`` : "no build step";
    if (fromDefault(sources.buildCommand)) adjust.buildCommand = build;
    else problems.push({ key: "buildCommand", message: `the ${starter.label} starter needs ${what}, not \`${a.buildCommand ? joinCommand(a.buildCommand) : "none"}\` (${sources.buildCommand})`, fix: "drop the build command to use the starter's, or scaffold without --starter" });
  }
  return { starter, problems, adjust: adjust as PartialAnswers };
}

/** The error for answers no starter fits (exit 2). */
export function starterError(problems: AnswerProblem[]): AnswersError {
  return new AnswersError(problems, "--starter: no starter fits these answers (nothing was written):");
}

/** The plan of a starter that checkStarter accepted for these answers. */
export function planStarter(starter: Starter, a: Answers): StarterPlan {
  const healthRoute = a.healthPath!.slice(1);
  const view: StarterView = { name: a.name, port: a.port, healthPath: a.healthPath!, healthRoute, runtimeVersion: a.runtimeVersion };
  const files = starter.templates.map((t) => t.replace(/\.hbs$/, "").replace("__health__", healthRoute));
  if (starter.node) files.unshift("package.json", starter.node.lockfiles[a.packageManager]!);
  return {
    id: starter.id,
    label: starter.label,
    files,
    view,
    packageManager: a.packageManager,
    gitignore: starter.gitignore(a),
    env: starter.env(a),
    test: starter.test(a),
    entry: starter.entry(a),
  };
}
