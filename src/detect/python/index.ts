// The Python detector: manifests, lockfiles and code -> answers with evidence. The
// start command is the generator's (gunicorn/uvicorn around extra.appTarget).
import type { AppContext } from "../context.js";
import { collectEnvFromFiles, collectEnvFromSources, EnvCollector, portVariableRead } from "../env-vars.js";
import { decideHealth, routesFromSources } from "../health.js";
import { sanitiseName } from "../names.js";
import { decidePort, portEnvEvidence, portsFromCompose, portsFromDockerfile, portsFromDotenv, portsFromSources, type PortCandidate } from "../ports.js";
import { detectServices } from "../services.js";
import { found, notFound, type Finding, type LanguageResult } from "../types.js";
import { collectSettingsEnv } from "./settings-env.js";
import { findAppTargets, rankTargets } from "./app-target.js";
import { findScriptServer } from "./script-servers.js";
import { readPythonManifests } from "./manifests.js";
import { readComposeServer, readDockerfileServer, readGunicornConfig, readProcfile } from "./procfile.js";
import { detectPythonPackageManager, detectPythonVersion } from "./tooling.js";

/** Checked in order; the app object found in code breaks ties. */
export const PYTHON_FRAMEWORKS: readonly { framework: "django" | "fastapi" | "flask"; packages: string[]; imports: RegExp }[] = [
  { framework: "django", packages: ["django"], imports: /^\s*(from django\b|import django\b)/m },
  { framework: "fastapi", packages: ["fastapi"], imports: /^\s*(from fastapi\b|import fastapi\b)/m },
  { framework: "flask", packages: ["flask"], imports: /^\s*(from flask\b|import flask\b)/m },
];
export const PYTHON_OTHER_SERVERS = ["starlette", "quart", "sanic", "aiohttp", "tornado", "litestar", "falcon", "bottle", "pyramid", "streamlit", "gradio", "dash", "cherrypy", "robyn"];
/** Where each framework listens when nothing says otherwise. */
const DEFAULT_PORTS: Record<string, { port: number; why: string }> = {
  django: { port: 8000, why: "runserver and gunicorn listen on 8000 by default" },
  fastapi: { port: 8000, why: "uvicorn listens on 8000 by default" },
  flask: { port: 5000, why: "Flask's server listens on 5000 by default" },
};

export async function detectPython(ctx: AppContext): Promise<LanguageResult> {
  const manifests = await readPythonManifests(ctx);
  const files = await ctx.sources([".py"], ["pyproject.toml", "setup.py"]);
  const procfile = await readProcfile(ctx);
  const gunicorn = await readGunicornConfig(ctx);
  const dockerfile = (await readDockerfileServer(ctx)) ?? (await readComposeServer(ctx));

  const targets = rankTargets(findAppTargets(files, ctx.appDir));
  const framework = detectFramework(ctx, manifests.dependencies, files, targets);
  // A stated target counts only when its module is a file here (a typo'd Procfile is not evidence).
  const stated = [
    procfile?.target ? { target: procfile.target, where: procfile.where, chdir: procfile.chdir } : null,
    gunicorn?.target ? { target: gunicorn.target, where: `${gunicorn.where}: wsgi_app = ${gunicorn.target}`, chdir: null } : null,
    dockerfile?.target ? { target: dockerfile.target, where: dockerfile.where, chdir: dockerfile.chdir } : null,
  ];
  const statedProblems: string[] = [];
  let explicitSource: { target: string; where: string } | null = null;
  for (const candidate of stated) {
    if (!candidate || explicitSource) continue;
    if (await moduleExists(ctx, candidate.target, candidate.chdir)) explicitSource = candidate;
    else statedProblems.push(`${candidate.where}: names ${candidate.target.split(":")[0]}, which is not a module in this folder`);
  }
  const explicit = explicitSource?.target ?? null;
  const matching = targets.filter((t) => t.framework === framework.value || t.framework === null);
  const appTarget: Finding<string> = explicit
    ? found(normaliseTarget(explicit, framework.value), explicitSource!.where)
    : matching[0] && !(matching[1] && sameRank(matching[0], matching[1]) && matching[1].target !== matching[0].target)
      ? found(matching[0].target, matching[0].evidence, ...matching.slice(1, 3).map((t) => `${t.evidence} (also possible)`), ...statedProblems)
      : notFound(...statedProblems, matching.length > 1 ? `several app objects of equal standing: ${matching.slice(0, 3).map((t) => t.target).join(", ")}` : "no WSGI/ASGI app object found");
  const chosen = matching.find((t) => t.target === appTarget.value);
  const targetDir = procfile?.chdir ?? chosen?.dir ?? "";

  const candidates: PortCandidate[] = [];
  for (const source of [procfile, gunicorn]) {
    if (source?.port) candidates.push({ port: source.port, tier: 0, evidence: source.where });
  }
  if (dockerfile?.port) candidates.push({ port: dockerfile.port, tier: 1, evidence: dockerfile.where });
  candidates.push(...portsFromSources(files, "python"), ...(await portsFromDotenv(ctx)), ...(await portsFromDockerfile(ctx)), ...(await portsFromCompose(ctx)));
  const scriptServer = framework.value === "none" && !appTarget.value ? findScriptServer(files, ctx.appDir, manifests.dependencies) : null;
  if (scriptServer) candidates.push(scriptServer.port);
  const fallback = framework.value ? DEFAULT_PORTS[framework.value] : undefined;
  if (fallback) candidates.push({ port: fallback.port, tier: 5, evidence: `${framework.value}: ${fallback.why} (framework default)` });
  const port = decidePort(candidates, chosen ? [chosen.evidence.split(":")[0]!] : []);
  const env = new EnvCollector();
  collectEnvFromSources(files, "python", env);
  const portEnv = procfile?.portEnv ?? gunicorn?.portEnv ?? dockerfile?.portEnv ?? candidates.find((c) => c.envName && c.port === port.value)?.envName ?? portVariableRead(env.list())?.name;
  collectSettingsEnv(files, env);
  await collectEnvFromFiles(ctx, env);
  const version = await detectPythonVersion(ctx, manifests);
  const nameSource = manifests.names.find((entry) => sanitiseName(entry.value));

  return {
    framework,
    packageManager: await detectPythonPackageManager(ctx, manifests),
    runtimeVersion: version.version,
    port,
    startCommand: scriptServer && !procfile?.argv.length ? scriptServer.start : pythonStart(ctx, [procfile, dockerfile], framework.value, appTarget.value, files),
    buildCommand: notFound("Python apps have no build step; dependencies are installed by the package manager"),
    healthPath: decideHealth(routesFromSources(files, "python")),
    name: nameSource ? found(sanitiseName(nameSource.value)!, `${nameSource.where} = ${nameSource.value}`) : notFound("no name in pyproject.toml, setup.cfg or setup.py"),
    services: await detectServices(ctx, "python", manifests.dependencies),
    env: env.list(),
    extra: {
      appTarget,
      ...(appTarget.value ? { appInterface: found(chosen?.interface ?? (framework.value === "fastapi" ? "asgi" : "wsgi"), ...(chosen ? [chosen.evidence] : [`${framework.value ?? "the server"} serves ${framework.value === "fastapi" ? "ASGI" : "WSGI"}`])) } : {}),
      ...(chosen?.factory && !explicit ? { appFactory: found(true, `${chosen.evidence}: a factory; gunicorn calls it with "()", uvicorn needs --factory`) } : {}),
      ...(targetDir ? { appTargetDir: found(targetDir, `the module path of appTarget is relative to ${ctx.at(targetDir)}/`) } : {}),
      ...(manifests.requirementsFile ? { requirementsFile: found(ctx.at(manifests.requirementsFile), `${ctx.at(manifests.requirementsFile)}: present`) } : {}),
      ...(manifests.devRequirementsFile ? { devRequirementsFile: found(ctx.at(manifests.devRequirementsFile), `${ctx.at(manifests.devRequirementsFile)}: development requirements (installed in the dev stage only)`) } : {}),
      ...(portEnv ? { portEnv: found(portEnv, ...(procfile?.portEnv ? [procfile.where] : gunicorn?.portEnv ? [gunicorn.where] : dockerfile?.portEnv ? [dockerfile.where] : portEnvEvidence(candidates, portEnv, env.list()))) } : {}),
      ...(version.min ? { runtimeVersionMin: found(version.min, "the lowest release the declared range allows") } : {}),
    },
  };
}

function detectFramework(ctx: AppContext, deps: Map<string, string>, files: { path: string; text: string }[], targets: { framework: string | null }[]): Finding<string> {
  const declared = PYTHON_FRAMEWORKS.filter((entry) => entry.packages.some((name) => deps.has(name)));
  const withApp = declared.filter((entry) => targets.some((t) => t.framework === entry.framework));
  const pick = withApp[0] ?? declared[0];
  if (pick) {
    const evidence = [`${deps.get(pick.packages[0]!)}: ${pick.packages[0]}`];
    if (declared.length > 1) evidence.push(`also declared: ${declared.filter((d) => d !== pick).map((d) => d.framework).join(", ")}${withApp[0] ? `; the app object is a ${pick.framework} one` : ""}`);
    return found(pick.framework, ...evidence);
  }
  for (const entry of PYTHON_FRAMEWORKS) {
    const file = files.find((f) => entry.imports.test(f.text));
    if (file) return found(entry.framework, `${file.path}: imports ${entry.framework} (not declared in a manifest)`);
  }
  const others = PYTHON_OTHER_SERVERS.filter((name) => deps.has(name));
  const where = deps.size > 0 ? [...new Set(deps.values())][0]!.split(":")[0]! : ctx.at(".");
  return found("none", others.length > 0 ? `${where}: uses ${others.join(", ")}, which has no dedicated template` : `${where}: none of django, fastapi, flask among the dependencies or imports`);
}

/** "app.main:app" -> app/main.py or app/main/__init__.py exists (under --chdir, or src/). */
async function moduleExists(ctx: AppContext, target: string, chdir: string | null): Promise<boolean> {
  const module = target.split(":")[0]!;
  if (!/^[A-Za-z_][\w.]*$/.test(module)) return false;
  const rel = module.split(".").join("/");
  for (const base of [chdir?.replace(/^\.\/|\/$/g, "") ?? "", "src"]) {
    const prefix = base === "" || base === "." ? "" : `${base}/`;
    if ((await ctx.exists(`${prefix}${rel}.py`)) || (await ctx.exists(`${prefix}${rel}/__init__.py`))) return true;
  }
  return false;
}

/** gunicorn's default callable is `application` ("config.wsgi" -> "config.wsgi:application"). */
function normaliseTarget(target: string, framework: string | null): string {
  return target.includes(":") ? target : `${target}:${framework === "fastapi" ? "app" : "application"}`;
}

function sameRank(a: { rank: number; depth: number; target: string }, b: { rank: number; depth: number; target: string }): boolean {
  const last = (t: { target: string }) => t.target.split(":")[0]!.split(".").at(-1);
  return a.rank === b.rank && a.depth === b.depth && last(a) === last(b);
}

/**
 * Flask, FastAPI and Django apps are served by the generator's gunicorn/uvicorn command
 * around extra.appTarget. Other apps keep the server command they already state
 * (Procfile, Dockerfile CMD), when it can run as argv without a shell.
 */
function pythonStart(
  ctx: AppContext,
  stated: (Awaited<ReturnType<typeof readProcfile>>)[],
  framework: string | null,
  target: string | null,
  files: { path: string; text: string }[] = [],
): Finding<string[]> {
  const templated = framework !== null && framework !== "none";
  if (templated && target) return notFound(`the generator serves extra.appTarget (${target}) with gunicorn/uvicorn`);
  for (const command of stated) {
    if (!command || command.argv.includes("manage.py")) continue;
    const runnable = command.server !== null || /^python3?$/.test(command.argv[0] ?? "");
    if (!runnable) continue;
    if (command.argv.some((word) => word.includes("$"))) {
      return notFound(`${command.where}: needs a shell to expand its variables`);
    }
    return found(command.argv[0] === "python3" ? ["python", ...command.argv.slice(1)] : command.argv, command.where);
  }
  if (stated.some((c) => c)) return notFound("the stated command cannot be run as is");
  // A top-level script that starts its own server when run (aiohttp, tornado, sanic, http.server).
  if (!templated && !target) {
    const scripts = files.filter((file) => {
      const rel = ctx.appDir === "" ? file.path : file.path.slice(ctx.appDir.length + 1);
      return !rel.includes("/") && /^if\s+__name__\s*==\s*['"]__main__['"]\s*:/m.test(file.text) && SELF_SERVING.test(file.text);
    });
    if (scripts.length === 1) {
      const rel = ctx.appDir === "" ? scripts[0]!.path : scripts[0]!.path.slice(ctx.appDir.length + 1);
      return found(["python", rel], `${scripts[0]!.path}: starts its own server under if __name__ == "__main__"`);
    }
  }
  return notFound(`${ctx.at("Procfile")}: none, and no app object to serve`);
}

/** Calls that start a server in-process. */
const SELF_SERVING = /\b(?:web\.run_app|uvicorn\.run|serve_forever|IOLoop\.current\(\)\.start|waitress\.serve|\w+\.run)\s*\(/;
