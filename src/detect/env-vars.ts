// Environment variables the app reads: a table of read patterns per language, plus the
// names documented in .env.example-style files. Values of .env are never kept.
import { lineOf, type AppContext, type SourceFile } from "./context.js";
import { parseDotenv } from "./parse.js";
import type { EnvVar } from "./types.js";

/** Names that look like they hold a secret (env.example gets an empty placeholder). */
const SECRET_NAME =
  /(SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE|CREDENTIAL|SALT|(^|_)KEY$|(^|_)PWD$|(^|_)PASS$|(^|_)DSN$|DATABASE_URL|DB_URL|MONGO(DB)?_UR[IL]|CONNECTION_STRING|WEBHOOK_URL)/;

export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name.toUpperCase());
}

interface ReadPattern {
  /** Group 1: the name; group 2 (optional): a literal default. */
  regex: RegExp;
  /** Only in files whose text matches this (the helper is imported). */
  when?: RegExp;
}

const NAME = "([A-Za-z_][A-Za-z0-9_]*)";
const UPPER = "([A-Z_][A-Z0-9_]*)";
const LITERAL = `(?:['"\`]([^'"\`\\n]*)['"\`]|(\\d+(?:\\.\\d+)?|true|false|True|False))`;

export const ENV_READ_PATTERNS: Record<"node" | "python" | "go", ReadPattern[]> = {
  node: [
    { regex: new RegExp(`process\\.env\\.${NAME}(?:\\s*(?:\\|\\||\\?\\?)\\s*${LITERAL})?`, "g") },
    { regex: new RegExp(`process\\.env\\[\\s*['"\`]${NAME}['"\`]\\s*\\](?:\\s*(?:\\|\\||\\?\\?)\\s*${LITERAL})?`, "g") },
  ],
  python: [
    { regex: new RegExp(`os\\.environ\\[\\s*['"]${NAME}['"]\\s*\\]`, "g") },
    { regex: new RegExp(`(?:os\\.)?environ\\.get\\(\\s*['"]${NAME}['"](?:\\s*,\\s*${LITERAL})?`, "g") },
    { regex: new RegExp(`os\\.getenv\\(\\s*['"]${NAME}['"](?:\\s*,\\s*${LITERAL})?`, "g") },
    // django-environ: env("X"), env.bool("X", default=False)
    {
      regex: new RegExp(`\\benv(?:\\.\\w+)?\\(\\s*['"]${UPPER}['"](?:\\s*,\\s*(?:default\\s*=\\s*)?${LITERAL})?`, "g"),
      when: /\bimport environ\b|from environ import/,
    },
    // python-decouple: config("X", default="...")
    {
      regex: new RegExp(`\\bconfig\\(\\s*['"]${UPPER}['"](?:\\s*,\\s*(?:default\\s*=\\s*)?${LITERAL})?`, "g"),
      when: /from decouple import|import decouple/,
    },
  ],
  go: [
    { regex: new RegExp(`os\\.(?:Getenv|LookupEnv)\\(\\s*"${NAME}"\\s*\\)`, "g") },
    // helpers: getEnv("X", "default"), GetEnvOrDefault("X", ...), envOr("X", ...)
    { regex: new RegExp(`\\b(?:get|Get|must|Must|lookup|Lookup)?[Ee]nv(?:Or\\w*|OrDefault|Default|String|Int|Bool)?\\(\\s*"${UPPER}"(?:\\s*,\\s*${LITERAL})?`, "g") },
    // struct tags of caarlos0/env and kelseyhightower/envconfig
    { regex: new RegExp(`\\b(?:env|envconfig):"${NAME}`, "g") },
  ],
};

const MAX_SOURCES = 10;

export class EnvCollector {
  private readonly vars = new Map<string, EnvVar>();

  add(name: string, source: string, defaultValue?: string): void {
    let entry = this.vars.get(name);
    if (!entry) {
      entry = { name, secret: looksSecret(name), sources: [] };
      this.vars.set(name, entry);
    }
    if (!entry.sources.includes(source) && entry.sources.length < MAX_SOURCES) entry.sources.push(source);
    if (defaultValue !== undefined && entry.default === undefined && !entry.secret) entry.default = redactSecrets(defaultValue);
  }

  list(): EnvVar[] {
    return [...this.vars.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/** Reads found in source files, by the language's patterns. */
export function collectEnvFromSources(files: SourceFile[], language: "node" | "python" | "go", into: EnvCollector): void {
  for (const file of files) {
    for (const pattern of ENV_READ_PATTERNS[language]) {
      if (pattern.when && !pattern.when.test(file.text)) continue;
      for (const match of file.text.matchAll(pattern.regex)) {
        into.add(match[1]!, `${file.path}:${lineOf(file.text, match.index)}`, match[2] ?? match[3]);
      }
    }
    if (language === "node") {
      collectDestructured(file, into);
      collectSchemaKeys(file, into);
    }
  }
}

/** Env validation libraries whose schemas name the variables (zod, joi, envalid, convict, t3-env). */
const ENV_SCHEMA_IMPORT = /(?:from\s+|require\(\s*)['"](?:zod|joi|@hapi\/joi|envalid|convict|env-var|@t3-oss\/env-[\w-]+)['"]/;

/** PORT: z.coerce.number().default(3000) in a file that validates process.env with a schema library. */
function collectSchemaKeys(file: SourceFile, into: EnvCollector): void {
  if (!ENV_SCHEMA_IMPORT.test(file.text) || !/process\.env\b/.test(file.text)) return;
  for (const match of file.text.matchAll(/^\s+([A-Z][A-Z0-9_]{1,})\s*:\s*(.*)$/gm)) {
    const literal = /\.default\(\s*(?:['"`]([^'"`\n]*)['"`]|(\d+(?:\.\d+)?|true|false))\s*\)|\bdefault\s*:\s*(?:['"`]([^'"`\n]*)['"`]|(\d+(?:\.\d+)?|true|false))/.exec(match[2]!);
    into.add(match[1]!, `${file.path}:${lineOf(file.text, match.index + match[0].indexOf(match[1]!))}`, literal?.[1] ?? literal?.[2] ?? literal?.[3] ?? literal?.[4]);
  }
}

/** const { PORT = 3000, DATABASE_URL } = process.env */
function collectDestructured(file: SourceFile, into: EnvCollector): void {
  for (const match of file.text.matchAll(/\{([^{}]{1,800})\}\s*=\s*process\.env\b/g)) {
    const line = `${file.path}:${lineOf(file.text, match.index)}`;
    for (const part of match[1]!.split(",")) {
      const item = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*[A-Za-z_$][\w$]*)?\s*(?:=\s*(?:['"`]([^'"`]*)['"`]|(\d+)))?\s*$/.exec(part);
      if (item) into.add(item[1]!, line, item[2] ?? item[3]);
    }
  }
}

/** Files that document the variables: names and (non-secret) example values. */
export const ENV_EXAMPLE_FILES = [".env.example", ".env.sample", ".env.template", ".env.dist", "example.env", ".env.local.example"];

export async function collectEnvFromFiles(ctx: AppContext, into: EnvCollector): Promise<void> {
  for (const file of ENV_EXAMPLE_FILES) {
    const text = await ctx.text(file);
    if (text === null) continue;
    for (const entry of parseDotenv(text)) into.add(entry.key, `${ctx.at(file)}:${entry.line}`, entry.value === "" ? undefined : entry.value);
  }
  // .env holds real values: only its names are kept.
  const local = await ctx.text(".env");
  if (local !== null) for (const entry of parseDotenv(local)) into.add(entry.key, `${ctx.at(".env")}:${entry.line}`);
}

/** The port variable the code itself reads (`process.env.PORT`, `os.environ["PORT"]`), for extra.portEnv. */
export function portVariableRead(vars: EnvVar[]): EnvVar | undefined {
  return vars.find((v) => /^(APP_|HTTP_|SERVER_)?PORT$/.test(v.name) && v.sources.some((source) => !/(^|\/)(\.env[^/]*|example\.env):\d+$/.test(source)));
}

/** Evidence quotes commands and config lines: secret-looking assignments and URL passwords are masked. */
export function redactSecrets(line: string): string {
  return line
    .replace(/\b([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S+)/g, (whole, name: string) => (looksSecret(name) ? `${name}=***` : whole))
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]*:)[^@\s]+@/gi, "$1***@");
}
