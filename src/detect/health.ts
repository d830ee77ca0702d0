// An existing health route, found in route definitions (never guessed: null means the
// generator falls back to a TCP probe).
import { lineOf, type SourceFile } from "./context.js";
import { applyDjangoIncludes, applyMounts, findMounts, type MountedRoute } from "./mounts.js";
import { found, notFound, type Finding } from "./types.js";

/** Last path segment of a health-like route, best first. */
const HEALTH_NAMES = ["health", "healthz", "healthcheck", "health-check", "health_check", "_health", "ready", "readyz", "readiness", "livez", "liveness"];

/** "/api/v1/healthz/" -> rank of "healthz" (by its last segment), or -1 when not a health route. */
export function healthRank(path: string): number {
  const clean = path.replace(/^\^/, "").replace(/\$$/, "").replace(/^\/+|\/+$/g, "").toLowerCase();
  if (clean.includes(":") || clean.includes("{") || clean.includes("<") || clean.includes("*")) return -1;
  return HEALTH_NAMES.indexOf(clean.split("/").at(-1) ?? "");
}

interface RoutePattern {
  regex: RegExp;
  /** Group of the path (default 1) and of the router variable it is declared on, if any. */
  pathGroup?: number;
  receiverGroup?: number;
  /** Django paths are written without the leading slash ("health/"). */
  addSlash?: boolean;
}

export const ROUTE_PATTERNS: Record<"node" | "python" | "go", RoutePattern[]> = {
  node: [
    { regex: /\b(\w+)\.(?:get|all|head|route|use)\(\s*['"`](\/[^'"`\s]*)['"`]/g, receiverGroup: 1, pathGroup: 2 },
    { regex: /\burl\s*:\s*['"`](\/[^'"`\s]*)['"`]/g },
  ],
  python: [
    { regex: /@(\w+)(?:\.\w+)*?\.(?:get|route|api_route|head)\(\s*['"](\/?[^'"\s]*)['"]/g, receiverGroup: 1, pathGroup: 2 },
    { regex: /\.add_url_rule\(\s*['"](\/[^'"\s]*)['"]/g },
    // aiohttp: app.router.add_get("/health", handler)
    { regex: /\.add_(?:get|route|api_route)\(\s*(?:['"]GET['"]\s*,\s*)?['"](\/[^'"\s]*)['"]/g },
    { regex: /\b(?:re_)?path\(\s*r?['"]\^?([a-zA-Z_\-/]*?)\$?['"]/g, addSlash: true },
  ],
  go: [{ regex: /\b(\w+)\.(?:GET|Get|HEAD|Head|Any|HandleFunc|Handle|Handler)\(\s*"(?:GET\s+|HEAD\s+)?(\/?[^"\s]*)"/g, receiverGroup: 1, pathGroup: 2 }],
};

/** Router variables declared with a prefix in the same file: APIRouter(prefix=), Blueprint(url_prefix=), Go's Group(). */
const PREFIX_PATTERNS: Record<"node" | "python" | "go", RegExp[]> = {
  node: [],
  python: [
    /^(\w+)\s*=\s*(?:\w+\.)?APIRouter\([^)]*?\bprefix\s*=\s*['"]([^'"]*)['"]/gm,
    /^(\w+)\s*=\s*(?:\w+\.)?Blueprint\([^)]*?\burl_prefix\s*=\s*['"]([^'"]*)['"]/gm,
  ],
  go: [/\b(\w+)\s*:?=\s*(\w+)\.Group\(\s*"([^"]*)"/g],
};

function prefixesOf(text: string, language: "node" | "python" | "go"): Map<string, string> {
  const raw = new Map<string, { parent?: string; prefix: string }>();
  for (const regex of PREFIX_PATTERNS[language]) {
    for (const match of text.matchAll(regex)) {
      if (language === "go") raw.set(match[1]!, { parent: match[2]!, prefix: match[3]! });
      else raw.set(match[1]!, { prefix: match[2]! });
    }
  }
  const resolve = (name: string, depth = 0): string => {
    const entry = raw.get(name);
    if (!entry || depth > 8) return "";
    return joinPath(entry.parent ? resolve(entry.parent, depth + 1) : "", entry.prefix);
  };
  return new Map([...raw.keys()].map((name) => [name, resolve(name)]));
}

function joinPath(prefix: string, path: string): string {
  if (prefix === "") return path;
  if (path === "") return prefix;
  return `${prefix.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

type Route = MountedRoute;

export function routesFromSources(files: SourceFile[], language: "node" | "python" | "go"): Route[] {
  const out: Route[] = [];
  for (const file of files) {
    const prefixes = prefixesOf(file.text, language);
    for (const pattern of ROUTE_PATTERNS[language]) {
      for (const match of file.text.matchAll(pattern.regex)) {
        let path = match[pattern.pathGroup ?? 1]!;
        const prefix = pattern.receiverGroup ? (prefixes.get(match[pattern.receiverGroup]!) ?? "") : "";
        if (pattern.addSlash) path = `/${path.replace(/^\//, "")}`;
        path = joinPath(prefix, path);
        if (!path.startsWith("/") || healthRank(path) < 0) continue;
        const via = prefix ? ` (prefix ${prefix})` : "";
        const receiver = pattern.receiverGroup ? match[pattern.receiverGroup] : undefined;
        out.push({
          path, evidence: `${file.path}:${lineOf(file.text, match.index)}: route ${match[0].trim()}${via}`, file: file.path,
          ...(receiver ? { receiver } : {}), ...(pattern.addSlash ? { django: true } : {}),
        });
      }
    }
  }
  return applyDjangoIncludes(applyMounts(out, files, findMounts(files, language)), files);
}

/** The best-named health route among those found. */
export function decideHealth(all: Route[]): Finding<string> {
  const routes = all.filter((route) => !route.uncertain);
  const uncertain = all.filter((route) => route.uncertain).map((route) => route.uncertain!);
  if (routes.length === 0 && uncertain.length > 0) return notFound(...uncertain.slice(0, 3), "not guessing the full path; a TCP probe fits");
  if (routes.length === 0) return notFound("no route named like /health, /healthz, /ready or /api/health in the sources; a TCP probe fits");
  const sorted = [...routes].sort((a, b) => healthRank(a.path) - healthRank(b.path) || a.path.length - b.path.length);
  const best = sorted[0]!;
  return found(normaliseRoute(best.path), best.evidence, ...sorted.slice(1, 4).filter((r) => r.path !== best.path).map((r) => `${r.evidence} (also a health route)`));
}

/** Route patterns as a path a probe can request: strip regex anchors, keep a trailing slash (Django). */
export function normaliseRoute(path: string): string {
  const clean = path.replace(/^\^/, "").replace(/\$$/, "");
  return clean.startsWith("/") ? clean : `/${clean}`;
}
