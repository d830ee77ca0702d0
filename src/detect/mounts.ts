// Routers mounted under a prefix in another file: `app.include_router(health.router,
// prefix="/api")`, `app.register_blueprint(bp, url_prefix="/ops")`, `app.use("/api",
// require("./routes/health"))`. A health route on such a router gets the prefix when it
// can be followed to the app; when it cannot, the route is uncertain and is not used.
import type { SourceFile } from "./context.js";

export interface Mount {
  /** File that mounts, and the module (file base name) it mounts. */
  file: string;
  receiver: string;
  module: string | null;
  /** null: the prefix is not a literal (settings.API_V1_STR). */
  prefix: string | null;
}

export interface MountedRoute {
  path: string;
  evidence: string;
  file?: string;
  receiver?: string;
  uncertain?: string;
  /** A Django path() route: its URLconf may be include()d under a prefix. */
  django?: boolean;
}

const APP_OBJECT = /^\s*(?:export\s+)?(?:const|let|var)?\s*(\w+)\s*(?::\s*[\w.]+\s*)?=\s*(?:new\s+)?(?:express|fastify|Fastify|FastAPI|Flask|Koa|Hono|Quart)\s*\(/gm;

export function findMounts(files: SourceFile[], language: "node" | "python" | "go"): Mount[] {
  const out: Mount[] = [];
  for (const file of files) {
    if (language === "python") {
      for (const m of file.text.matchAll(/\b(\w+)\.(?:include_router|register_blueprint)\(\s*([\w.]+)([^)]*)\)/g)) {
        const literal = /\b(?:url_)?prefix\s*=\s*['"]([^'"]*)['"]/.exec(m[3]!);
        const prefix = literal ? literal[1]! : /\bprefix\s*=/.test(m[3]!) ? null : "";
        out.push({ file: file.path, receiver: m[1]!, module: pythonModule(file.text, m[2]!), prefix });
      }
    } else if (language === "node") {
      for (const m of file.text.matchAll(/\b(\w+)\.use\(\s*['"`](\/[^'"`]*)['"`]\s*,\s*(?:require\(\s*['"]([^'"]+)['"]\s*\)|([\w$]+))\s*\)/g)) {
        const module = m[3] ? baseName(m[3]) : nodeModule(file.text, m[4]!);
        out.push({ file: file.path, receiver: m[1]!, module, prefix: m[2]! });
      }
    }
  }
  return out;
}

/** Routes with their mount prefixes applied, or marked uncertain. */
export function applyMounts(routes: MountedRoute[], files: SourceFile[], mounts: Mount[]): MountedRoute[] {
  const appObjects = new Map(files.map((f) => [f.path, new Set([...f.text.matchAll(APP_OBJECT)].map((m) => m[1]!))]));
  const isApp = (file: string, receiver: string) => receiver === "app" || (appObjects.get(file)?.has(receiver) ?? false);
  const unresolved = mounts.filter((m) => m.module === null);

  /** The prefix above a router declared in `file`, or null when it cannot be known. */
  const prefixAbove = (file: string, depth: number): string | null => {
    const module = baseName(file);
    const hits = mounts.filter((m) => m.module === module && m.file !== file);
    if (hits.length === 0) return unresolved.length > 0 ? null : "";
    if (hits.length > 1 || depth > 4) return null;
    const mount = hits[0]!;
    if (mount.prefix === null) return null;
    if (isApp(mount.file, mount.receiver)) return mount.prefix;
    const above = prefixAbove(mount.file, depth + 1);
    return above === null ? null : join(above, mount.prefix);
  };

  return routes.map((route) => {
    if (!route.file || !route.receiver || isApp(route.file, route.receiver)) return route;
    if (mounts.length === 0) return route;
    const prefix = prefixAbove(route.file, 0);
    if (prefix === null) return { ...route, uncertain: `${route.evidence}: its router is mounted under a prefix I cannot follow` };
    return prefix === "" ? route : { ...route, path: join(prefix, route.path), evidence: `${route.evidence} (mounted under ${prefix})` };
  });
}

function join(prefix: string, path: string): string {
  if (prefix === "") return path;
  return `${prefix.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`.replace(/\/$/, path.endsWith("/") ? "/" : "");
}

/** "routes/health/index.ts" -> "health", "api/health.py" -> "health". */
export function baseName(path: string): string {
  const parts = path.replace(/\.[cm]?[jt]sx?$|\.py$/, "").split("/");
  const last = parts.at(-1) ?? "";
  return (last === "index" || last === "__init__") && parts.length > 1 ? parts.at(-2)! : last;
}

/** `health.router` -> "health"; `health_router` imported `from .health import router as health_router` -> "health". */
function pythonModule(text: string, expression: string): string | null {
  if (expression.includes(".")) return expression.split(".")[0]!;
  const aliased = new RegExp(`from\\s+([\\w.]+)\\s+import\\s+[^\\n]*?\\b\\w+\\s+as\\s+${expression}\\b`).exec(text);
  const direct = new RegExp(`from\\s+([\\w.]+)\\s+import\\s+[^\\n]*?\\b${expression}\\b`).exec(text);
  const from = (aliased ?? direct)?.[1];
  return from ? (from.split(".").filter((part) => part !== "").at(-1) ?? null) : null;
}

/** `healthRouter` imported or required from "./routes/health" -> "health". */
function nodeModule(text: string, name: string): string | null {
  const bound = `(?:${name}|\\{[^}]*\\b(?:\\w+\\s+as\\s+|\\w+\\s*:\\s*)?${name}\\b[^}]*\\})`;
  const match = new RegExp(`(?:import\\s+${bound}\\s+from|(?:const|let|var)\\s+${bound}\\s*=\\s*require\\()\\s*['"]([^'"]+)['"]`).exec(text);
  return match ? baseName(match[1]!) : null;
}

/** Django: path("api/", include("core.urls")) puts core/urls.py's routes under /api/. */
export function applyDjangoIncludes(routes: MountedRoute[], files: SourceFile[]): MountedRoute[] {
  const includes: { file: string; prefix: string; module: string }[] = [];
  for (const file of files) {
    for (const m of file.text.matchAll(/\b(?:re_)?path\(\s*r?['"]\^?([^'"$]*)\$?['"]\s*,\s*include\(\s*\(?\s*['"]([\w.]+)['"]/g)) {
      includes.push({ file: file.path, prefix: m[1]!, module: m[2]! });
    }
  }
  const prefixOf = (file: string, depth: number): string | null => {
    const path = file.replace(/\.py$/, "");
    const hits = includes.filter((include) => path === include.module.replaceAll(".", "/") || path.endsWith(`/${include.module.replaceAll(".", "/")}`));
    if (hits.length === 0) return "";
    if (hits.length > 1 || depth > 5) return null;
    const above = prefixOf(hits[0]!.file, depth + 1);
    return above === null ? null : `${above}${hits[0]!.prefix}`;
  };
  return routes.map((route) => {
    if (!route.django || !route.file) return route;
    const prefix = prefixOf(route.file, 0);
    if (prefix === null) return { ...route, uncertain: `${route.evidence}: its URLconf is included more than once` };
    return prefix === "" ? route : { ...route, path: `/${prefix}${route.path.replace(/^\//, "")}`, evidence: `${route.evidence} (included under ${prefix})` };
  });
}
