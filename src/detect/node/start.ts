// The production start command of a Node app, as argv (never `npm start`): framework
// conventions (Nest's dist/main.js, Next's standalone server.js), then the scripts, then
// `main`, then npm's own default (server.js).
import type { AppContext } from "../context.js";
import type { PortCandidate } from "../ports.js";
import { found, notFound, type Finding } from "../types.js";
import { flagValue } from "../shell.js";
import { readScript, withJs, type ScriptReading } from "./scripts.js";
import type { TsInfo } from "./typescript.js";

export interface NodeStart {
  command: Finding<string[]>;
  /** App-relative files the command runs, and their TypeScript sources: where the port is looked for first. */
  entryFiles: string[];
  /** PORT=... or -p on the command line. */
  ports: PortCandidate[];
  nextStandalone: boolean;
}

const PROD_SCRIPTS = ["start:prod", "start:production", "prod", "serve", "start"];
const PROCFILE = "Procfile:web";
const NEXT_BIN = "node_modules/next/dist/bin/next";

export async function detectNodeStart(
  ctx: AppContext,
  input: { framework: string | null; scripts: Record<string, string>; main: string | undefined; ts: TsInfo; hasBuild: boolean },
): Promise<NodeStart> {
  const { scripts, ts } = input;
  const pkgPath = ctx.at("package.json");
  const ports: PortCandidate[] = [];
  // A Procfile's web process (Heroku-style) is read like one more script, after the package's own.
  const procfile = /^web:\s*(.+)$/m.exec((await ctx.text("Procfile")) ?? "")?.[1]?.trim();
  const withProcfile = procfile ? { ...scripts, [PROCFILE]: procfile } : scripts;
  const shown = (name: string) => (name === PROCFILE ? `${ctx.at("Procfile")}: web: ${procfile}` : `${pkgPath}: scripts.${name} = ${scripts[name]}`);
  const readings = [...PROD_SCRIPTS, ...(procfile ? [PROCFILE] : [])].map((name) => ({ name, reading: readScript(withProcfile, name) })).filter(
    (entry): entry is { name: string; reading: ScriptReading } => entry.reading !== null,
  );
  for (const { name, reading } of readings) {
    for (const key of ["PORT", "APP_PORT"]) {
      const value = reading.env[key];
      if (value && /^\d+$/.test(value)) ports.push({ port: Number(value), tier: 0, evidence: `${shown(name)} (sets ${key}=${value})`, envName: key });
    }
    if (reading.meaning.kind === "next" && reading.meaning.port && /^\d+$/.test(reading.meaning.port)) {
      ports.push({ port: Number(reading.meaning.port), tier: 0, evidence: shown(name) });
    }
  }
  const result = (command: string[], entry: string[], ...evidence: string[]): NodeStart => ({
    command: found(command, ...evidence),
    entryFiles: entry.flatMap((file) => [file, ...sourcesOf(file, ts)]),
    ports,
    nextStandalone: false,
  });

  // Next.js behind a custom server (`node server.js`) runs that server, not `next start`.
  const firstServer = readings.find((entry) => entry.reading.meaning.kind === "node" || entry.reading.meaning.kind === "next");
  const customServer = input.framework === "nextjs" && firstServer?.reading.meaning.kind === "node";
  if (input.framework === "nextjs" && !customServer) {
    const config = await findNextConfig(ctx);
    if (config?.standalone) {
      return { ...result(["node", "server.js"], [], `${config.path}: output "standalone"; the build writes .next/standalone/server.js`), nextStandalone: true };
    }
    const start = readings.find((entry) => entry.reading.meaning.kind === "next");
    const meaning = start?.reading.meaning;
    const portFlag = meaning?.kind === "next" && meaning.port ? ["-p", meaning.port] : [];
    const configNote = config ? `${config.path}: no output "standalone"` : "no next.config file";
    return result(["node", NEXT_BIN, "start", ...portFlag], [], start ? shown(start.name) : `${pkgPath}: depends on next; \`next start\` serves the build`, configNote);
  }

  // A script that runs compiled JavaScript with node is the most direct statement.
  for (const { name, reading } of readings) {
    const meaning = reading.meaning;
    if (meaning.kind !== "node") continue;
    const written = (meaning.file === "." || meaning.file === "./" ? (input.main ?? "index.js") : meaning.file).replace(/^\.\//, "");
    const exists = await ctx.exists(written);
    const file = withJs(written, !exists ? "missing" : (await ctx.reader.list(ctx.at(written))).length === 0 ? "file" : "dir");
    const portArg = flagValue(meaning.argv.slice(meaning.argv.indexOf(meaning.file) + 1), ["--port", "-p"]);
    if (portArg && /^\d+$/.test(portArg)) ports.push({ port: Number(portArg), tier: 0, evidence: `${shown(name)} (--port ${portArg})` });
    const argv = meaning.argv.map((word) => (word === meaning.file ? file : word));
    const notes = reading.before.length > 0 ? [`the script also runs before it: ${reading.before.join(" && ")}`] : [];
    if (file !== written) notes.push(`node ${written} loads ${file}`);
    if (meaning.dropped) notes.push(`dropped ${meaning.dropped.join(", ")}: a development option, or a file the container does not get (its environment comes from compose)`);
    return result(argv, [file], shown(name), ...notes);
  }

  for (const { name, reading } of readings) {
    const meaning = reading.meaning;
    if (meaning.kind !== "pm2") continue;
    const config = await ctx.text(meaning.config.replace(/^\.\//, ""));
    const scriptsInConfig = [...(config ?? "").matchAll(/["']?script["']?\s*:\s*["']([^"']+)["']/g)].map((m) => m[1]!);
    const script = scriptsInConfig.length === 1 ? scriptsInConfig[0]!.replace(/^\.\//, "") : null;
    if (script && /\.[cm]?js$|^[^.]+$/.test(script)) {
      return result(["node", script], [script], shown(name), `${ctx.at(meaning.config.replace(/^\.\//, ""))}: pm2 runs script ${script}; node runs it directly (the container's init handles signals)`);
    }
  }

  if (input.framework === "nestjs" || readings.some((entry) => entry.reading.meaning.kind === "nest")) {
    const out = ts.outDir ?? "dist";
    const nest = await ctx.load("nest-cli.json", "json");
    const entryFile = nest.status === "ok" && typeof nest.value.entryFile === "string" ? nest.value.entryFile : "main";
    // Nest monorepo mode builds the default project to dist/<root>/main.js.
    const monorepoRoot = nest.status === "ok" && nest.value.monorepo === true && typeof nest.value.root === "string" ? nest.value.root.replace(/^\.\/|\/$/g, "") : null;
    const file = monorepoRoot ? `dist/${monorepoRoot}/${entryFile}.js` : `${out}/${entryFile}.js`;
    const why = monorepoRoot ? `monorepo mode builds ${monorepoRoot} to ${file}` : `Nest builds src/${entryFile}.ts to ${file}`;
    const sourceRoot = nest.status === "ok" && typeof nest.value.sourceRoot === "string" ? nest.value.sourceRoot.replace(/^\.\/|\/$/g, "") : "src";
    return result(["node", file], [file, `${sourceRoot}/${entryFile}.ts`], `${ctx.at("nest-cli.json")}: ${why} (Nest convention)`, ...ts.evidence.filter((line) => line.includes("outDir")));
  }

  for (const { name, reading } of readings) {
    if (reading.meaning.kind !== "typescript") continue;
    const compiled = compiledPath(reading.meaning.file, ts);
    if (compiled && input.hasBuild) {
      return result(["node", compiled], [compiled, reading.meaning.file], shown(name), `${reading.meaning.runner} runs TypeScript from source; the build compiles ${reading.meaning.file} to ${compiled}`, ...ts.evidence.filter((line) => /outDir|rootDir/.test(line)));
    }
    return { command: notFound(shown(name), `runs TypeScript from source with ${reading.meaning.runner} and there is no build script or outDir to run compiled output`), entryFiles: [reading.meaning.file], ports, nextStandalone: false };
  }

  if (input.main && /\.[cm]?js$/.test(input.main)) {
    const main = input.main.replace(/^\.\//, "");
    const builtLater = ts.outDir !== null && main.startsWith(`${ts.outDir}/`);
    if (builtLater || (await ctx.exists(main))) {
      return result(["node", main], [main], `${pkgPath}: main = ${input.main}${builtLater ? " (compiled by the build)" : ""}`);
    }
  }
  if (scripts.start === undefined && (await ctx.exists("server.js"))) {
    return result(["node", "server.js"], ["server.js"], `${ctx.at("server.js")}: present and no start script; npm start runs node server.js`);
  }
  for (const file of ["index.js", "app.js", "server.mjs", "index.mjs", "app.mjs", "src/index.js", "src/server.js", "src/app.js"]) {
    const text = await ctx.text(file);
    if (text !== null && /\.listen\(/.test(text)) return result(["node", file], [file], `${ctx.at(file)}: calls listen()`);
  }
  const other = readings.find((entry) => entry.reading.meaning.kind === "other");
  return {
    command: notFound(other ? `${shown(other.name)}: not a node command I can run directly` : `${pkgPath}: no start script, no main, no server.js`),
    entryFiles: [],
    ports,
    nextStandalone: false,
  };
}

/** src/index.ts -> dist/index.js, when tsconfig says where output goes. */
function compiledPath(file: string, ts: TsInfo): string | null {
  if (ts.outDir === null) return null;
  const clean = file.replace(/^\.\//, "");
  const root = ts.rootDir ?? (clean.startsWith("src/") ? "src" : ".");
  const inside = root === "." ? clean : clean.startsWith(`${root}/`) ? clean.slice(root.length + 1) : null;
  if (inside === null) return null;
  return `${ts.outDir}/${inside.replace(/\.([cm]?)ts$/, ".$1js")}`;
}

/** dist/main.js -> src/main.ts (where the port literal really is). */
function sourcesOf(file: string, ts: TsInfo): string[] {
  const out = ts.outDir ?? "dist";
  if (!file.startsWith(`${out}/`)) return [];
  const inner = file.slice(out.length + 1).replace(/\.([cm]?)js$/, ".$1ts");
  const root = ts.rootDir ?? "src";
  return [root === "." ? inner : `${root}/${inner}`];
}

async function findNextConfig(ctx: AppContext): Promise<{ path: string; standalone: boolean } | null> {
  for (const file of ["next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs", "next.config.mts"]) {
    const text = await ctx.text(file);
    if (text !== null) return { path: ctx.at(file), standalone: /\boutput\s*:\s*['"`]standalone['"`]/.test(text) };
  }
  return null;
}
