// What a package.json script would run, read as text: `npm run x` is followed into the
// script it names, env prefixes are dropped, dev wrappers (nodemon, --watch) are peeled
// off. Nothing is executed.
import { splitCommand, stripEnvPrefix, flagValue } from "../shell.js";

export type ScriptMeaning =
  | { kind: "node"; argv: string[]; file: string; via: string[]; dropped?: string[] }
  | { kind: "typescript"; file: string; runner: string; via: string[] }
  | { kind: "nest"; via: string[] }
  | { kind: "pm2"; config: string; via: string[] }
  | { kind: "next"; port?: string; via: string[] }
  | { kind: "other"; text: string; via: string[] };

export interface ScriptReading {
  meaning: ScriptMeaning;
  /** Variables set on the command line (PORT=4000 node x). */
  env: Record<string, string>;
  /** Commands run before the server in the same script ("prisma migrate deploy"). */
  before: string[];
}

/** Options of `node` that take the next word as their value. */
const NODE_VALUE_OPTIONS = new Set(["-r", "--require", "--import", "--loader", "--experimental-loader", "--env-file", "--title", "-C", "--conditions"]);
/** Options that only make sense on a developer's machine, or that need a file a container does not have. */
const NODE_DEV_OPTION = /^(--watch|--watch-path|--inspect|--inspect-brk|--env-file|--enable-source-maps=false)(=|$)/;
const TS_RUNNERS = new Set(["ts-node", "ts-node-dev", "tsnd", "tsx", "ts-node-esm", "babel-node", "esno", "esr", "swc-node"]);
const RUN_SCRIPT = /^(npm|pnpm|yarn|bun)$/;

export function readScript(scripts: Record<string, string>, name: string, depth = 0): ScriptReading | null {
  const text = scripts[name];
  if (text === undefined || depth > 4) return null;
  let env: Record<string, string> = {};
  const readings = splitCommand(text).map((segment) => {
    const stripped = stripEnvPrefix(segment);
    env = { ...env, ...stripped.env };
    const nested = runScriptTarget(stripped.argv);
    if (nested && scripts[nested] !== undefined && nested !== name) {
      const inner = readScript(scripts, nested, depth + 1);
      if (inner) {
        env = { ...env, ...inner.env };
        return { text: stripped.argv.join(" "), meaning: { ...inner.meaning, via: [name, ...inner.meaning.via] }, before: inner.before };
      }
    }
    return { text: stripped.argv.join(" "), meaning: interpret(stripped.argv, name), before: [] as string[] };
  });
  const serverIndex = readings.findLastIndex((reading) => reading.meaning !== null && reading.meaning.kind !== "other");
  if (serverIndex < 0) return { meaning: { kind: "other", text, via: [name] }, env, before: [] };
  const server = readings[serverIndex]!;
  const before = [...readings.slice(0, serverIndex).map((reading) => reading.text), ...server.before];
  return { meaning: server.meaning!, env, before };
}

/** `npm run build`, `yarn build`, `pnpm start` -> the script name. */
function runScriptTarget(argv: string[]): string | null {
  const [tool, first, second] = argv;
  if (!tool || !RUN_SCRIPT.test(tool) || !first) return null;
  if (first === "run" || first === "run-script") return second ?? null;
  if (first === "start") return "start";
  if (tool !== "npm" && !first.startsWith("-") && !["install", "exec", "dlx", "x", "add"].includes(first)) return first;
  return null;
}

function interpret(argv: string[], name: string): ScriptMeaning | null {
  const tool = argv[0];
  if (!tool) return null;
  const via = [name];
  if (argv.some((word) => ["|", ">", "<", "&"].includes(word))) return { kind: "other", text: argv.join(" "), via };
  const bare = tool.replace(/^(\.\/)?node_modules\/\.bin\//, "");
  // npx tsx x.ts, pnpm exec node x.js, yarn node x.js: the binary after the runner decides.
  const runner = runnerPrefix(argv);
  if (runner > 0) return interpret(argv.slice(runner), name);
  if (bare === "node") return nodeCommand(argv.slice(1), via);
  if (bare === "nodemon" || bare === "pm2-runtime" || bare === "pm2" || bare === "forever") {
    const { file, typescript } = wrappedFile(argv.slice(1));
    if (!file) return { kind: "other", text: argv.join(" "), via };
    if (typescript || /\.[cm]?ts$/.test(file)) return { kind: "typescript", file, runner: bare, via };
    // pm2's ecosystem file names the script it runs (read, never loaded).
    if (/ecosystem|\.config\.[cm]?js$|\.json$|\.ya?ml$/.test(file)) return bare.startsWith("pm2") ? { kind: "pm2", config: file, via } : { kind: "other", text: argv.join(" "), via };
    return { kind: "node", argv: ["node", file], file, via };
  }
  if (TS_RUNNERS.has(bare)) {
    const file = argv.slice(1).find((word) => !word.startsWith("-") && word !== "watch" && !/^[\w-]+\/register$/.test(word));
    return file ? { kind: "typescript", file, runner: bare, via } : { kind: "other", text: argv.join(" "), via };
  }
  if (bare === "nest" && argv[1] === "start") return { kind: "nest", via };
  if (bare === "next" && argv[1] === "start") {
    const port = flagValue(argv, ["-p", "--port"]);
    return port ? { kind: "next", port, via } : { kind: "next", via };
  }
  return { kind: "other", text: argv.join(" "), via };
}

/** Words to skip before the real binary: `npx --yes`, `pnpm exec`, `yarn` (when not a script), `bunx`. */
function runnerPrefix(argv: string[]): number {
  const [tool, first] = argv;
  if (tool === "npx" || tool === "pnpx" || tool === "bunx") {
    let i = 1;
    while (argv[i]?.startsWith("-")) i++;
    return i < argv.length ? i : 0;
  }
  if ((tool === "pnpm" || tool === "npm" || tool === "yarn") && first === "exec") return argv.length > 2 ? 2 : 0;
  if ((tool === "yarn" || tool === "pnpm") && first && !first.startsWith("-") && !["run", "start", "install", "add", "dlx", "build"].includes(first)) return 1;
  return 0;
}

/** nodemon/pm2-runtime arguments: the script, skipping option values (`-w src`, `--exec ts-node`). */
function wrappedFile(args: string[]): { file: string | undefined; typescript: boolean } {
  const valued = new Set(["-w", "--watch", "-e", "--ext", "-x", "--exec", "-i", "--ignore", "--delay", "--config", "-d", "--name", "-n", "-i", "--instances", "--env"]);
  let typescript = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === "-x" || word === "--exec") typescript ||= /ts-node|tsx/.test(args[i + 1] ?? "");
    if (valued.has(word)) {
      i++;
      continue;
    }
    if (word.startsWith("-") || word === "start") continue;
    return { file: word, typescript };
  }
  return { file: undefined, typescript };
}

function nodeCommand(args: string[], via: string[]): ScriptMeaning {
  const kept: string[] = ["node"];
  const dropped: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === "-e" || word === "--eval" || word === "-p" || word === "--print") return { kind: "other", text: ["node", ...args].join(" "), via };
    if (word.startsWith("-")) {
      const takesValue = NODE_VALUE_OPTIONS.has(word);
      if (!NODE_DEV_OPTION.test(word)) {
        kept.push(word);
        if (takesValue && args[i + 1] !== undefined) kept.push(args[i + 1]!);
      } else dropped.push(takesValue && args[i + 1] !== undefined ? `${word} ${args[i + 1]}` : word);
      if (takesValue) i++;
      continue;
    }
    // The script file: TypeScript through a loader is not a production command.
    const registersTs = kept.some((option) => /ts-node|tsx|@swc-node|esbuild-register/.test(option));
    if (registersTs || /\.[cm]?ts$/.test(word)) return { kind: "typescript", file: word, runner: "node", via };
    return { kind: "node", argv: [...kept, word, ...args.slice(i + 1)], file: word, via, ...(dropped.length > 0 ? { dropped } : {}) };
  }
  return { kind: "other", text: ["node", ...args].join(" "), via };
}

/**
 * `node dist/main` runs dist/main.js; `node build` (SvelteKit's adapter-node output) runs
 * build/index.js. An extensionless file that exists (express-generator's bin/www) is kept.
 */
export function withJs(file: string, kind: "file" | "dir" | "missing"): string {
  const clean = file.replace(/^\.\//, "").replace(/\/$/, "");
  if (kind === "file" || /\.[a-z]+$/i.test(clean.split("/").at(-1) ?? "")) return clean;
  if (kind === "dir" || /^(dist|build|out|\.output)$/.test(clean)) return `${clean}/index.js`;
  return `${clean}.js`;
}
