// The Go detector: go.mod (module, go and toolchain lines, requires), the main package
// (root or cmd/<name>), vendor/, and the code for ports, routes and variables.
import type { AppContext, SourceFile } from "../context.js";
import { collectEnvFromFiles, collectEnvFromSources, EnvCollector } from "../env-vars.js";
import { decideHealth, routesFromSources } from "../health.js";
import { lastSegment, sanitiseName } from "../names.js";
import { decidePort, portEnvEvidence, portsFromCompose, portsFromDockerfile, portsFromDotenv, portsFromSources, type PortCandidate } from "../ports.js";
import { detectServices } from "../services.js";
import { found, notFound, type Finding, type LanguageResult } from "../types.js";
import { pickVersion } from "../versions.js";
import { parseGoMod } from "./go-mod.js";

/** Checked in order against go.mod's direct requires (any major version suffix). */
export const GO_FRAMEWORKS: readonly { framework: string; modules: string[]; defaultPort?: number }[] = [
  { framework: "gin", modules: ["github.com/gin-gonic/gin", "gopkg.in/gin-gonic/gin"], defaultPort: 8080 },
  { framework: "echo", modules: ["github.com/labstack/echo"] },
  { framework: "fiber", modules: ["github.com/gofiber/fiber"] },
  { framework: "chi", modules: ["github.com/go-chi/chi", "github.com/pressly/chi"] },
];

/** "github.com/labstack/echo/v4" and "gopkg.in/gin-gonic/gin.v1" belong to their module family. */
function inFamily(path: string, module: string): boolean {
  return path === module || path.startsWith(`${module}/v`) || path.startsWith(`${module}.v`);
}
/** cgo is needed when these are linked (no static CGO_ENABLED=0 binary). */
const CGO_MODULES = ["github.com/mattn/go-sqlite3"];

export async function detectGo(ctx: AppContext): Promise<LanguageResult> {
  const modPath = ctx.at("go.mod");
  const text = await ctx.text("go.mod");
  const parsed = text === null ? null : parseGoMod(text);
  const broken = text === null
    ? `${modPath}: ${ctx.reader.explain?.(modPath) ?? "could not be read"}`
    : parsed?.module === null ? `${modPath}: no module directive; not a valid go.mod` : null;
  if (broken && text !== null) ctx.problem(broken);
  const mod = broken ? null : parsed;
  const requires = new Map<string, string>();
  for (const req of mod?.requires ?? []) if (!req.indirect) requires.set(req.path, `${modPath}: require`);

  const hitPath = (entry: (typeof GO_FRAMEWORKS)[number]) => [...requires.keys()].find((path) => entry.modules.some((module) => inFamily(path, module)));
  const frameworkHit = GO_FRAMEWORKS.find((entry) => hitPath(entry) !== undefined);
  const framework: Finding<string> = frameworkHit
    ? found(frameworkHit.framework, `${modPath}: require ${hitPath(frameworkHit)}`)
    : mod ? found("none", `${modPath}: no gin, echo, chi or fiber among the direct requires`) : notFound(broken ?? "no go.mod");

  const versionSources = [];
  if (mod?.toolchain) versionSources.push({ where: `${modPath}: toolchain`, raw: mod.toolchain.replace(/^go/, "") });
  if (mod?.go) versionSources.push({ where: `${modPath}: go`, raw: mod.go });
  const version = pickVersion(versionSources, "go");

  const files = await ctx.sources([".go"], ["go.mod"]);
  const mains = mainPackages(files, ctx.appDir);
  const main = decideMain(mains);
  const candidates: PortCandidate[] = [...portsFromSources(files, "go"), ...(await portsFromDotenv(ctx)), ...(await portsFromDockerfile(ctx)), ...(await portsFromCompose(ctx))];
  if (frameworkHit?.defaultPort && files.some((file) => /\.Run\(\s*\)/.test(file.text))) {
    candidates.push({ port: frameworkHit.defaultPort, tier: 1, evidence: `${files.find((file) => /\.Run\(\s*\)/.test(file.text))!.path}: gin's Run() with no address listens on :8080 (or $PORT)`, envName: "PORT" });
  }
  const port = decidePort(candidates, main.value ? files.filter((f) => dirOf(f.path, ctx.appDir) === main.value!.replace(/^\.\/?/, "")).map((f) => f.path) : []);
  const portEnv = candidates.find((c) => c.envName && c.port === port.value)?.envName ?? (files.some((f) => /os\.(?:Getenv|LookupEnv)\(\s*"PORT"\s*\)/.test(f.text)) ? "PORT" : undefined);

  const env = new EnvCollector();
  collectEnvFromSources(files, "go", env);
  await collectEnvFromFiles(ctx, env);
  const rawName = mod?.module ? lastSegment(mod.module) : null;
  const cgo = CGO_MODULES.find((m) => requires.has(m)) ?? (files.some((f) => /^import\s+"C"/m.test(f.text)) ? 'import "C"' : null);
  const vendored = await ctx.exists("vendor/modules.txt");

  return {
    framework,
    packageManager: mod ? found("go", `${modPath}: Go modules`) : notFound(broken ?? "no go.mod"),
    runtimeVersion: mod ? version.version : notFound(broken ?? "no go.mod"),
    port,
    startCommand: notFound(main.value ? `the generator builds ${main.value} into a binary and runs it` : "no main package to build"),
    buildCommand: notFound("the generator builds the binary (go build) itself"),
    healthPath: decideHealth(routesFromSources(files, "go")),
    name: rawName && sanitiseName(rawName) ? found(sanitiseName(rawName)!, `${modPath}: module ${mod!.module}`) : notFound(broken ?? `${modPath}: no module line`),
    services: await detectServices(ctx, "go", requires),
    env: env.list(),
    manifestBroken: broken !== null,
    extra: {
      goMain: main,
      goVendor: found(vendored, vendored ? `${ctx.at("vendor/modules.txt")}: dependencies are vendored` : "no vendor/modules.txt"),
      cgo: found(cgo !== null, cgo ? `${cgo} needs cgo` : "no cgo dependency seen"),
      ...(portEnv ? { portEnv: found(portEnv, ...portEnvEvidence(candidates, portEnv, env.list())) } : {}),
    },
  };
}

/** Folders (app-relative) whose files say `package main` and define func main(). */
function mainPackages(files: SourceFile[], appDir: string): string[] {
  const dirs = new Set<string>();
  for (const file of files) {
    // `//go:build ignore` marks code generators and scripts (go run gen.go), not the app.
    if (/^\/\/(go:build|\s*\+build)\s+ignore\b/m.test(file.text)) continue;
    if (/^package\s+main\b/m.test(file.text) && /^func\s+main\s*\(\s*\)/m.test(file.text)) dirs.add(dirOf(file.path, appDir));
  }
  return [...dirs].sort();
}

function decideMain(dirs: string[]): Finding<string> {
  const shown = (dir: string) => (dir === "" ? "." : `./${dir}`);
  if (dirs.includes("")) return found(".", "main.go: package main at the module root");
  const cmd = dirs.filter((dir) => /^cmd\/[^/]+$/.test(dir));
  const pool = cmd.length > 0 ? cmd : dirs;
  if (pool.length === 1) return found(shown(pool[0]!), `${pool[0]}: the only main package`);
  const preferred = pool.filter((dir) => /\/(server|api|app|web|service)$/.test(dir));
  if (preferred.length === 1) return found(shown(preferred[0]!), `${preferred[0]}: named like the server among ${pool.map(shown).join(", ")}`);
  return notFound(pool.length > 1 ? `several main packages: ${pool.map(shown).join(", ")}; not choosing` : "no package main with func main()");
}

function dirOf(path: string, appDir: string): string {
  const rel = appDir === "" ? path : path.slice(appDir.length + 1);
  return rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "";
}
