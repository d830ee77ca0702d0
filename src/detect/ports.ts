// The port the app listens on: candidates from code (a table of patterns per language),
// from commands and config, then one decision that refuses to pick between disagreeing
// candidates of the same strength.
import { lineOf, type AppContext, type SourceFile } from "./context.js";
import { parseDotenv } from "./parse.js";
import { found, notFound, type Finding } from "./types.js";

export interface PortCandidate {
  port: number;
  /** "src/server.ts:10: listen(3000)" */
  evidence: string;
  /** Lower is stronger: 0 command flag/config, 1 listen()/env default in code, 2 a port constant, 3 .env files, 4 Dockerfile EXPOSE, 5 framework default. */
  tier: number;
  /** The variable that overrides it (PORT), when the code reads one. */
  envName?: string;
}

interface PortPattern {
  regex: RegExp;
  tier: number;
  label: string;
  /** Group holding the port (default 1) and the env name (optional). */
  portGroup?: number;
  envGroup?: number;
}

const P = "(\\d{2,5})";
/** Variables that hold the app's own port (PORT, APP_PORT, GATEWAY_PORT), not a backing service's or a side server's. */
const SERVICE_PORT_WORDS = "DB|DATABASE|POSTGRES|POSTGRESQL|PG|MYSQL|MARIADB|MONGO|MONGODB|REDIS|SMTP|MAIL|EMAIL|RABBIT|RABBITMQ|AMQP|KAFKA|ELASTIC|ELASTICSEARCH|ES|MINIO|S3|MEMCACHED|NATS|CASSANDRA|NEO4J|CLICKHOUSE|INFLUX|LDAP|FTP|SSH|SFTP|PROXY|DEBUG|INSPECT|METRICS|PROMETHEUS|STATSD|JAEGER|OTEL|GRPC|WS|WEBSOCKET|HMR|LIVERELOAD|VITE|DEV";
const PORT_ENV = `((?![A-Z0-9_]*?(?:^|_|\\b)(?:${SERVICE_PORT_WORDS})_PORT\\b)(?:[A-Z][A-Z0-9]*_)*PORT)`;

export const PORT_PATTERNS: Record<"node" | "python" | "go", PortPattern[]> = {
  node: [
    // getEnv("PORT", "8080"), env.int("PORT", default=8000), config("PORT", 3000)
    {
      regex: new RegExp(`\\b\\w*(?:env|Env|ENV|config|Config)\\w*(?:\\.\\w+)?\\(\\s*['"\`]${PORT_ENV}['"\`]\\s*,\\s*(?:default\\s*=\\s*)?['"\`]?:?${P}\\b`, "g"),
      tier: 1, label: "$env defaults to $port", portGroup: 2, envGroup: 1,
    },
    { regex: new RegExp(`\\.listen\\(\\s*${P}\\b`, "g"), tier: 1, label: "listen($port)" },
    { regex: new RegExp(`\\.listen\\(\\s*\\{[^}]{0,200}?\\bport\\s*:\\s*${P}\\b`, "g"), tier: 1, label: "listen({ port: $port })" },
    {
      regex: new RegExp(`process\\.env(?:\\.${PORT_ENV}\\b|\\[['"]${PORT_ENV}['"]\\])[\\w\\s,()]{0,12}?(?:\\|\\||\\?\\?)\\s*['"]?${P}\\b`, "g"),
      tier: 1, label: "process.env.$env defaults to $port", portGroup: 3, envGroup: 1,
    },
    // env schemas: PORT: z.coerce.number().default(3000), Joi.number().default(3000), envalid port({ default: 3000 })
    {
      regex: new RegExp(`\\b${PORT_ENV}\\s*:\\s*[\\w.$]+(?:\\([^()]*\\))?(?:\\.\\w+(?:\\([^()]*\\))?)*?\\.default\\(\\s*['"]?${P}\\b`, "g"),
      tier: 1, label: "$env defaults to $port", portGroup: 2, envGroup: 1,
    },
    { regex: new RegExp(`\\b${PORT_ENV}\\s*:\\s*(?:port|num|str)\\(\\s*\\{[^}]*\\bdefault\\s*:\\s*['"]?${P}\\b`, "g"), tier: 1, label: "$env defaults to $port", portGroup: 2, envGroup: 1 },
    {
      regex: new RegExp(`\\{[^{}]{0,300}?\\b(PORT)\\s*=\\s*['"]?${P}\\b[^{}]{0,300}\\}\\s*=\\s*process\\.env\\b`, "g"),
      tier: 1, label: "const { $env = $port } = process.env", portGroup: 2, envGroup: 1,
    },
    {
      regex: new RegExp(`\\b(?:const|let|var)\\s+(?:PORT|port|httpPort|HTTP_PORT|serverPort|SERVER_PORT|DEFAULT_PORT|defaultPort)\\s*(?::\\s*number\\s*)?=\\s*['"]?${P}\\b`, "g"),
      tier: 2, label: "port = $port",
    },
  ],
  python: [
    // getEnv("PORT", "8080"), env.int("PORT", default=8000), config("PORT", 3000)
    {
      regex: new RegExp(`\\b\\w*(?:env|Env|ENV|config|Config)\\w*(?:\\.\\w+)?\\(\\s*['"\`]${PORT_ENV}['"\`]\\s*,\\s*(?:default\\s*=\\s*)?['"\`]?:?${P}\\b`, "g"),
      tier: 1, label: "$env defaults to $port", portGroup: 2, envGroup: 1,
    },
    { regex: new RegExp(`\\.run\\([^)]{0,300}?\\bport\\s*=\\s*${P}\\b`, "g"), tier: 1, label: "run(port=$port)" },
    {
      regex: new RegExp(`(?:getenv|environ\\.get)\\(\\s*['"]${PORT_ENV}['"]\\s*,\\s*['"]?${P}\\b`, "g"),
      tier: 1, label: "$env defaults to $port", portGroup: 2, envGroup: 1,
    },
    { regex: new RegExp(`^\\s*(?:PORT|port|APP_PORT|DEFAULT_PORT)\\s*(?::\\s*int\\s*)?=\\s*${P}\\s*$`, "gm"), tier: 2, label: "port = $port" },
  ],
  go: [
    // getEnv("PORT", "8080"), env.int("PORT", default=8000), config("PORT", 3000)
    {
      regex: new RegExp(`\\b\\w*(?:env|Env|ENV|config|Config)\\w*(?:\\.\\w+)?\\(\\s*['"\`]${PORT_ENV}['"\`]\\s*,\\s*(?:default\\s*=\\s*)?['"\`]?:?${P}\\b`, "g"),
      tier: 1, label: "$env defaults to $port", portGroup: 2, envGroup: 1,
    },
    {
      regex: new RegExp(`(?:ListenAndServe(?:TLS)?|\\.Run|\\.Start|\\.Listen)\\(\\s*"[\\w.\\-]*:${P}"`, "g"),
      tier: 1, label: 'listen on ":$port"',
    },
    { regex: new RegExp(`\\bAddr\\s*:\\s*"[\\w.\\-]*:${P}"`, "g"), tier: 1, label: 'Addr: ":$port"' },
    // flag.String("addr", ":8080", ...), flag.Int("port", 8080, ...), viper.SetDefault("server.port", 8080)
    {
      regex: new RegExp(`flag\\.(?:String|Int|Uint)(?:Var)?\\([^"]*"(?:[\\w.-]*(?:port|addr|listen|http)[\\w.-]*)"\\s*,\\s*"?[\\w.\\-]*:?${P}"?\\s*,`, "gi"),
      tier: 1, label: "flag default $port",
    },
    { regex: new RegExp(`SetDefault\\(\\s*"[\\w.]*port"\\s*,\\s*"?:?${P}"?\\s*\\)`, "gi"), tier: 1, label: "viper default $port" },
    { regex: new RegExp(`if\\s+((?:http|server|app|listen)?[Pp]ort|PORT|[Aa]ddr)\\s*==\\s*""\\s*\\{\\s*\\1\\s*=\\s*":?${P}"`, "g"), tier: 1, label: 'port defaults to "$port"', portGroup: 2 },
    { regex: new RegExp(`\\b(?:port|Port|PORT|defaultPort|DefaultPort|addr|Addr|listenAddr)\\s*(?::=|=)\\s*"?:?${P}"?(?!\\d)`, "g"), tier: 2, label: "port = $port" },
  ],
};

export function portsFromSources(files: SourceFile[], language: "node" | "python" | "go"): PortCandidate[] {
  const out: PortCandidate[] = [];
  for (const file of files) {
    for (const pattern of PORT_PATTERNS[language]) {
      for (const match of file.text.matchAll(pattern.regex)) {
        const port = Number(match[pattern.portGroup ?? 1]);
        const env = pattern.envGroup ? (match[pattern.envGroup] ?? match[pattern.envGroup + 1]) : undefined;
        const label = pattern.label.replace("$env", env ?? "PORT").replace("$port", String(port));
        out.push({
          port,
          tier: pattern.tier,
          evidence: `${file.path}:${lineOf(file.text, match.index)}: ${label}`,
          ...(env ? { envName: env } : {}),
        });
      }
    }
  }
  return out;
}

const PORT_KEYS = ["PORT", "APP_PORT", "SERVER_PORT", "HTTP_PORT", "WEB_PORT", "API_PORT", "LISTEN_PORT"];

/** PORT=... in .env.example-style files and .env. */
export async function portsFromDotenv(ctx: AppContext): Promise<PortCandidate[]> {
  const out: PortCandidate[] = [];
  for (const file of [".env.example", ".env.sample", ".env.template", ".env"]) {
    const text = await ctx.text(file);
    if (text === null) continue;
    for (const entry of parseDotenv(text)) {
      if (PORT_KEYS.includes(entry.key) && /^\d{2,5}$/.test(entry.value)) {
        out.push({ port: Number(entry.value), tier: 3, evidence: `${ctx.at(file)}:${entry.line}: ${entry.key}=${entry.value}`, envName: entry.key });
      }
    }
  }
  return out;
}

/** The container side of `ports:` of a compose service built from the app folder. */
export async function portsFromCompose(ctx: AppContext): Promise<PortCandidate[]> {
  for (const file of ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]) {
    const loaded = await ctx.load(file, "yaml");
    if (loaded.status !== "ok") continue;
    const services = loaded.value.services;
    if (services === null || typeof services !== "object") return [];
    const out: PortCandidate[] = [];
    for (const [name, service] of Object.entries(services as Record<string, unknown>)) {
      const build = (service as { build?: unknown })?.build;
      const context = typeof build === "string" ? build : (build as { context?: unknown } | undefined)?.context;
      if (typeof context !== "string" || !/^\.\/?$/.test(context)) continue;
      const ports = (service as { ports?: unknown }).ports;
      for (const entry of Array.isArray(ports) ? ports : []) {
        const text = typeof entry === "number" ? String(entry) : typeof entry === "string" ? entry : String((entry as { target?: unknown })?.target ?? "");
        const container = /(?:^|:)(\d{2,5})(?:\/tcp)?$/.exec(text);
        if (container) out.push({ port: Number(container[1]), tier: 4, evidence: `${ctx.at(file)}: services.${name}.ports ${text}` });
      }
    }
    return out;
  }
  return [];
}

/** EXPOSE in a Dockerfile the project already has. */
export async function portsFromDockerfile(ctx: AppContext): Promise<PortCandidate[]> {
  const text = await ctx.text("Dockerfile");
  if (text === null) return [];
  const matches = [...text.matchAll(/^\s*EXPOSE\s+(\d{2,5})/gim)];
  const last = matches.at(-1);
  return last ? [{ port: Number(last[1]), tier: 4, evidence: `${ctx.at("Dockerfile")}:${lineOf(text, last.index)}: EXPOSE ${last[1]}` }] : [];
}

/**
 * The strongest tier wins; inside it the candidates must agree (a candidate in a preferred
 * file, the entry point, breaks a tie). Ports below 1024 are refused: a non-root container
 * cannot bind them.
 */
export function decidePort(candidates: PortCandidate[], preferredFiles: string[] = []): Finding<number> {
  const usable = candidates.filter((c) => c.port >= 1024 && c.port <= 65535);
  const refused = candidates.filter((c) => !usable.includes(c)).map((c) => `${c.evidence} (outside 1024-65535; not usable as the container port)`);
  if (usable.length === 0) return notFound(...refused, "no port in the start command, code, .env files, Dockerfile or compose file, and no framework default");
  const tier = Math.min(...usable.map((c) => c.tier));
  let best = usable.filter((c) => c.tier === tier);
  let ports = [...new Set(best.map((c) => c.port))];
  if (ports.length > 1) {
    const preferred = best.filter((c) => preferredFiles.some((file) => c.evidence.startsWith(`${file}:`)));
    const preferredPorts = [...new Set(preferred.map((c) => c.port))];
    if (preferredPorts.length === 1) {
      best = preferred;
      ports = preferredPorts;
    } else {
      return notFound(...best.map((c) => c.evidence), `candidates disagree (${ports.join(", ")}); not choosing`);
    }
  }
  const others = usable.filter((c) => c.tier > tier && c.port !== ports[0]).map((c) => `${c.evidence} (weaker signal, not used)`);
  return found(ports[0]!, ...dedupe(best.map((c) => c.evidence)), ...others, ...refused);
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines)];
}

/** Where the port variable is read, for the evidence of extra.portEnv. */
export function portEnvEvidence(candidates: PortCandidate[], envName: string, vars: { name: string; sources: string[] }[] = []): string[] {
  const lines = candidates.filter((c) => c.envName === envName).map((c) => c.evidence);
  const reads = vars.find((v) => v.name === envName)?.sources.map((source) => `${source}: reads ${envName}`) ?? [];
  const all = [...new Set([...lines, ...reads])].slice(0, 3);
  return all.length > 0 ? all : [`the app reads its port from ${envName}`];
}
