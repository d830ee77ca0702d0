// The web process of a Procfile and gunicorn's config file, read as text: the app
// target, the server, the bind address.
import type { AppContext } from "../context.js";
import { flagValue, splitCommand, stripEnvPrefix } from "../shell.js";

export interface ServerCommand {
  /** "Procfile: web: gunicorn app:app" */
  where: string;
  argv: string[];
  server: string | null;
  target: string | null;
  /** Port number, or the variable name when bound to $PORT. */
  port: number | null;
  portEnv: string | null;
  /** --chdir / --app-dir */
  chdir: string | null;
}

const SERVERS = ["gunicorn", "uvicorn", "daphne", "hypercorn", "waitress-serve", "granian"];
/** gunicorn/uvicorn flags that take no value (everything else starting with - takes one). */
const BARE_FLAGS = new Set(["--preload", "--reload", "--factory", "--proxy-headers", "--no-access-log", "--capture-output", "--enable-stdio-inheritance", "--reuse-port", "--daemon", "-D", "--check-config", "--print-config", "--use-colors", "--no-use-colors", "--no-server-header", "--no-date-header", "--call"]);
const TARGET = /^[A-Za-z_][\w.]*(?::[A-Za-z_][\w.]*(?:\(\))?)?$/;

export async function readProcfile(ctx: AppContext): Promise<ServerCommand | null> {
  const text = await ctx.text("Procfile");
  if (text === null) return null;
  // The web process; without one, the only process that runs a Python web server.
  const processes = [...text.matchAll(/^([\w-]+):\s*(.+)$/gm)].map((m) => ({ type: m[1]!, line: m[2]!.trim() }));
  const web = processes.find((p) => p.type === "web");
  const servers = processes.filter((p) => p.type !== "release" && SERVERS.some((server) => new RegExp(`(^|\\s)${server}(\\s|$)`).test(p.line)));
  const chosen = web ?? (servers.length === 1 ? servers[0] : undefined);
  if (!chosen) return null;
  const last = splitCommand(chosen.line).at(-1);
  if (!last) return null;
  return readServerArgv(stripEnvPrefix(last).argv, `${ctx.at("Procfile")}: ${chosen.type}: ${chosen.line}`);
}

export function readServerArgv(argv: string[], where: string): ServerCommand {
  let words = argv;
  if (words[0] === "python" || words[0] === "python3") {
    if (words[1] === "-m" && words[2] && SERVERS.includes(words[2])) words = words.slice(2);
  }
  const server = words[0] && SERVERS.includes(words[0]) ? words[0] : null;
  let target: string | null = null;
  if (server) {
    for (let i = 1; i < words.length; i++) {
      const word = words[i]!;
      if (word.startsWith("-")) {
        if (!word.includes("=") && !BARE_FLAGS.has(word)) i++;
        continue;
      }
      if (TARGET.test(word)) {
        target = word;
        break;
      }
    }
  }
  const bind = flagValue(words, ["-b", "--bind", "--listen"]);
  const portFlag = flagValue(words, ["--port", "-p"]);
  const { port, portEnv } = readPort(bind ?? portFlag ?? runserverAddress(words));
  const chdir = flagValue(words, ["--chdir", "--app-dir"])?.replace(/^\.\/|\/$/g, "") ?? null;
  return { where, argv: words, server, target, port, portEnv, chdir: chdir === "" || chdir === "." ? null : chdir };
}

/** `python manage.py runserver 0.0.0.0:8000` */
function runserverAddress(argv: string[]): string | undefined {
  const index = argv.indexOf("runserver");
  return index >= 0 ? argv[index + 1] : undefined;
}

function readPort(value: string | undefined): { port: number | null; portEnv: string | null } {
  if (!value) return { port: null, portEnv: null };
  const env = /\$\{?([A-Z_][A-Z0-9_]*)/.exec(value);
  if (env) return { port: null, portEnv: env[1]! };
  const number = /(?:^|:)(\d{2,5})$/.exec(value);
  return { port: number ? Number(number[1]) : null, portEnv: null };
}

/** gunicorn.conf.py and friends: `bind = "0.0.0.0:8000"`, `wsgi_app = "app:app"`. */
export async function readGunicornConfig(ctx: AppContext): Promise<{ where: string; port: number | null; portEnv: string | null; target: string | null } | null> {
  for (const file of ["gunicorn.conf.py", "gunicorn_config.py", "gunicorn.config.py", "gunicorn_conf.py", "config/gunicorn.py", "gunicorn.py"]) {
    const text = await ctx.text(file);
    if (text === null) continue;
    const bind = /^\s*bind\s*=\s*\[?\s*(?:f?['"]([^'"]+)['"])/m.exec(text);
    const envBind = /^\s*bind\s*=.*(?:getenv|environ\.get)\(\s*['"](\w+)['"]\s*(?:,\s*['"]?(\d{2,5}))?/m.exec(text);
    const target = /^\s*wsgi_app\s*=\s*['"]([^'"]+)['"]/m.exec(text)?.[1] ?? null;
    let port: number | null = null;
    let portEnv: string | null = null;
    if (envBind) {
      portEnv = envBind[1]!;
      port = envBind[2] ? Number(envBind[2]) : null;
    } else if (bind) ({ port, portEnv } = readPort(bind[1]!.replace(/\{.*\}$/, "")));
    return { where: ctx.at(file), port, portEnv, target };
  }
  return null;
}

/** The CMD/ENTRYPOINT of a Dockerfile the project already has, when it runs a Python server. */
export async function readDockerfileServer(ctx: AppContext): Promise<ServerCommand | null> {
  const text = await ctx.text("Dockerfile");
  if (text === null) return null;
  const lines = [...text.matchAll(/^\s*(CMD|ENTRYPOINT)\s+(.+)$/gim)];
  for (const match of lines.reverse()) {
    const body = match[2]!.trim();
    let argv: string[] | null = null;
    if (body.startsWith("[")) {
      try {
        const parsed: unknown = JSON.parse(body);
        if (Array.isArray(parsed) && parsed.every((word) => typeof word === "string")) argv = parsed;
      } catch {
        argv = null;
      }
    } else argv = stripEnvPrefix(splitCommand(body).at(-1) ?? []).argv;
    if (argv && argv[0] && ["sh", "/bin/sh", "bash"].includes(argv[0]) && argv[1] === "-c" && argv[2]) {
      argv = stripEnvPrefix(splitCommand(argv[2]).at(-1) ?? []).argv;
    }
    if (!argv) continue;
    const server = readServerArgv(argv, `${ctx.at("Dockerfile")}: ${match[1]} ${body}`);
    if (server.server) return server;
  }
  return null;
}

/** `command:` of a compose service built from the app folder, when it runs a Python server. */
export async function readComposeServer(ctx: AppContext): Promise<ServerCommand | null> {
  for (const file of ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]) {
    const loaded = await ctx.load(file, "yaml");
    if (loaded.status !== "ok") continue;
    const services = loaded.value.services;
    if (services === null || typeof services !== "object") return null;
    for (const [name, service] of Object.entries(services as Record<string, Record<string, unknown> | null>)) {
      const build = service?.build;
      const context = typeof build === "string" ? build : (build as { context?: unknown } | undefined)?.context;
      if (typeof context !== "string" || !/^\.\/?$/.test(context)) continue;
      const command = service?.command;
      const argv = typeof command === "string" ? (stripEnvPrefix(splitCommand(command).at(-1) ?? []).argv)
        : Array.isArray(command) && command.every((word) => typeof word === "string") ? (command as string[]) : null;
      if (!argv) continue;
      const server = readServerArgv(argv, `${ctx.at(file)}: services.${name}.command = ${argv.join(" ")}`);
      if (server.server) return server;
    }
    return null;
  }
  return null;
}
