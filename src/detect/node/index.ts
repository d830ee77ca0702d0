// The Node detector: package.json and its neighbours -> answers with evidence.
import { blankComments } from "../comments.js";
import type { AppContext } from "../context.js";
import { collectEnvFromFiles, collectEnvFromSources, EnvCollector, portVariableRead } from "../env-vars.js";
import { decideHealth, routesFromSources } from "../health.js";
import { sanitiseName } from "../names.js";
import { getRecord, getString } from "../parse.js";
import { decidePort, portEnvEvidence, portsFromCompose, portsFromDockerfile, portsFromDotenv, portsFromSources, type PortCandidate } from "../ports.js";
import { detectServices } from "../services.js";
import { found, notFound, type Finding, type LanguageResult } from "../types.js";
import { NODE_DEFAULT_PORTS, NODE_FRAMEWORKS, NODE_OTHER_SERVERS, nestRoutes, nextRoutes, svelteKitRoutes } from "./frameworks.js";
import { detectNodePackageManager } from "./package-manager.js";
import { detectNodeVersion } from "./runtime.js";
import { detectNodeStart } from "./start.js";
import { readTsInfo } from "./typescript.js";

export const NODE_EXTENSIONS = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx"];

export async function detectNode(ctx: AppContext): Promise<LanguageResult> {
  const pkgPath = ctx.at("package.json");
  const loaded = await ctx.load("package.json", "json");
  const broken = loaded.status === "broken" ? `${pkgPath}: ${loaded.problem}` : null;
  const pkg = loaded.status === "ok" ? loaded.value : {};
  const packageJsons = [{ path: pkgPath, value: pkg }];
  const rootPkgPath = ctx.appDir === "" ? null : await ancestorPackageJson(ctx);
  if (rootPkgPath) {
    const root = await ctx.loadAt(rootPkgPath, "json");
    if (root.status === "ok") packageJsons.push({ path: rootPkgPath, value: root.value });
  }
  const whenBroken = <T>(finding: Finding<T>): Finding<T> => (broken && finding.value === null ? { value: null, evidence: [broken, ...finding.evidence] } : finding);

  const scripts = stringRecord(getRecord(pkg, "scripts"));
  const deps = new Map<string, string>();
  for (const name of Object.keys(getRecord(pkg, "dependencies") ?? {})) deps.set(name, `${pkgPath}: dependencies`);
  for (const name of Object.keys(getRecord(pkg, "optionalDependencies") ?? {})) deps.set(name, `${pkgPath}: optionalDependencies`);
  const devDeps = new Set(Object.keys(getRecord(pkg, "devDependencies") ?? {}));

  const framework = broken ? notFound<string>(broken) : detectFramework(pkgPath, deps, devDeps);
  const pm = await detectNodePackageManager(ctx, packageJsons);
  const version = await detectNodeVersion(ctx, packageJsons);
  const ts = await readTsInfo(ctx, new Set([...deps.keys(), ...devDeps]));
  const hasBuild = scripts.build !== undefined;
  const start = await detectNodeStart(ctx, { framework: framework.value, scripts, main: getString(pkg, "main"), ts, hasBuild });

  const files = [...(await ctx.sources(NODE_EXTENSIONS, ["package.json"]))];
  // An entry without a JS extension (express-generator's bin/www) is scanned too.
  for (const entry of start.entryFiles) {
    if (files.some((file) => file.path === ctx.at(entry))) continue;
    const text = await ctx.text(entry, 512 * 1024);
    if (text !== null) files.push({ path: ctx.at(entry), text: blankComments(text, "js") });
  }
  const candidates: PortCandidate[] = [...start.ports, ...portsFromSources(files, "node"), ...(await portsFromDotenv(ctx)), ...(await portsFromDockerfile(ctx)), ...(await portsFromCompose(ctx))];
  const serverDefault = NODE_DEFAULT_PORTS.find((entry) => deps.has(entry.package) || devDeps.has(entry.package));
  if (serverDefault) candidates.push({ port: serverDefault.port, tier: 5, evidence: `${pkgPath}: ${serverDefault.why}`, envName: "PORT" });
  const port = decidePort(candidates, start.entryFiles.map((file) => ctx.at(file)));
  const envVars = new EnvCollector();
  collectEnvFromSources(files, "node", envVars);
  const portEnv = candidates.find((c) => c.envName && c.port === port.value)?.envName ?? portVariableRead(envVars.list())?.name ?? (framework.value === "nextjs" ? "PORT" : undefined);

  const routes = [
    ...routesFromSources(files, "node"), ...nestRoutes(files),
    ...(framework.value === "nextjs" ? nextRoutes(files, ctx.appDir) : []),
    ...(deps.has("@sveltejs/kit") || devDeps.has("@sveltejs/kit") ? svelteKitRoutes(files, ctx.appDir) : []),
  ];
  const env = envVars;
  await collectEnvFromFiles(ctx, env);

  const rawName = getString(pkg, "name");
  const name = rawName && sanitiseName(rawName) ? found(sanitiseName(rawName)!, `${pkgPath}: name = ${rawName}`) : whenBroken(notFound<string>(`${pkgPath}: no usable name`));
  const runner = pm.manager.value ?? "npm";
  const buildCommand: Finding<string[]> = hasBuild
    ? found([runner, "run", "build"], `${pkgPath}: scripts.build = ${scripts.build}`)
    : whenBroken(notFound(`${pkgPath}: no build script`));

  return {
    framework,
    packageManager: whenBroken(pm.manager),
    runtimeVersion: version.version,
    port,
    startCommand: whenBroken(start.command),
    buildCommand,
    healthPath: decideHealth(routes),
    name,
    services: await detectServices(ctx, "node", deps),
    env: env.list(),
    manifestBroken: broken !== null,
    extra: {
      typescript: found(ts.typescript, ...(ts.evidence.length > 0 ? ts.evidence : ["no tsconfig.json and no typescript dependency"])),
      lockfile: pm.lockfile,
      ...(pm.manager.value === "yarn" ? { yarnFlavor: pm.yarnFlavor } : {}),
      ...(pm.yarnPnp.value !== null ? { yarnPnp: pm.yarnPnp } : {}),
      ...(nodeEntry(start.command.value) ? { nodeEntry: found(nodeEntry(start.command.value)!, "the file the start command runs") } : {}),
      ...(framework.value === "nextjs" ? { nextStandalone: found(start.nextStandalone, ...start.command.evidence) } : {}),
      ...(portEnv ? { portEnv: found(portEnv, ...portEnvEvidence(candidates, portEnv, env.list())) } : {}),
      ...(version.min ? { runtimeVersionMin: found(version.min, "the lowest release the declared range allows") } : {}),
    },
  };
}

/** ["node", "--enable-source-maps", "dist/main.js"] -> "dist/main.js". */
function nodeEntry(argv: string[] | null): string | null {
  if (!argv || argv[0] !== "node") return null;
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith("-")) return word;
    if (["-r", "--require", "--import", "--loader", "--experimental-loader", "-C", "--conditions", "--title"].includes(word)) i++;
  }
  return null;
}

function detectFramework(pkgPath: string, deps: Map<string, string>, devDeps: Set<string>): Finding<string> {
  for (const entry of NODE_FRAMEWORKS) {
    const hit = entry.packages.find((name) => deps.has(name));
    if (hit) return found(entry.framework, `${deps.get(hit)}: ${hit}`);
  }
  for (const entry of NODE_FRAMEWORKS) {
    const hit = entry.packages.find((name) => devDeps.has(name));
    if (hit) return found(entry.framework, `${pkgPath}: devDependencies: ${hit} (only a devDependency)`);
  }
  const others = NODE_OTHER_SERVERS.filter((name) => deps.has(name) || devDeps.has(name));
  return found("none", others.length > 0 ? `${pkgPath}: uses ${others.join(", ")}, which has no dedicated template` : `${pkgPath}: none of express, fastify, @nestjs/core, next among the dependencies`);
}

async function ancestorPackageJson(ctx: AppContext): Promise<string | null> {
  const parts = ctx.appDir.split("/");
  for (let depth = parts.length - 1; depth >= 0; depth--) {
    const candidate = [...parts.slice(0, depth), "package.json"].join("/");
    if (await ctx.reader.exists(candidate)) return candidate;
  }
  return null;
}

function stringRecord(record: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record ?? {})) if (typeof value === "string") out[key] = value;
  return out;
}
