// An existing health route, found in route definitions (never guessed: null means the
// generator falls back to a TCP probe).
import { lineOf, type SourceFile } from "./context.js";
import { found, notFound, type Finding } from "./types.js";

/** Last path segment of a health-like route, best first. */
const HEALTH_NAMES = ["health", "healthz", "healthcheck", "health-check", "health_check", "_health", "status/health", "ready", "readyz", "readiness", "livez", "liveness", "live"];

/** "/api/v1/healthz/" -> rank of "healthz", or -1 when not a health route. */
export function healthRank(path: string): number {
  const clean = path.replace(/^\^/, "").replace(/\$$/, "").replace(/^\/+|\/+$/g, "").toLowerCase();
  const withoutPrefix = clean.replace(/^(api\/)?(v\d+\/)?/, "");
  return HEALTH_NAMES.indexOf(withoutPrefix);
}

interface RoutePattern {
  regex: RegExp;
  /** Django paths are written without the leading slash ("health/"). */
  addSlash?: boolean;
}

export const ROUTE_PATTERNS: Record<"node" | "python" | "go", RoutePattern[]> = {
  node: [
    { regex: /\.(?:get|all|head|route|use)\(\s*['"`](\/[^'"`\s]*)['"`]/g },
    { regex: /\burl\s*:\s*['"`](\/[^'"`\s]*)['"`]/g },
  ],
  python: [
    { regex: /@\w+(?:\.\w+)*\.(?:get|route|api_route|head)\(\s*['"](\/[^'"\s]*)['"]/g },
    { regex: /\.add_url_rule\(\s*['"](\/[^'"\s]*)['"]/g },
    // aiohttp: app.router.add_get("/health", handler)
    { regex: /\.add_(?:get|route|api_route)\(\s*(?:['"]GET['"]\s*,\s*)?['"](\/[^'"\s]*)['"]/g },
    { regex: /\b(?:re_)?path\(\s*r?['"]\^?([a-zA-Z_\-/]*?)\$?['"]/g, addSlash: true },
  ],
  go: [{ regex: /\.(?:GET|Get|HEAD|Head|Any|HandleFunc|Handle|Handler)\(\s*"(?:GET\s+|HEAD\s+)?(\/[^"\s]*)"/g }],
};

interface Route {
  path: string;
  evidence: string;
}

export function routesFromSources(files: SourceFile[], language: "node" | "python" | "go"): Route[] {
  const out: Route[] = [];
  for (const file of files) {
    for (const pattern of ROUTE_PATTERNS[language]) {
      for (const match of file.text.matchAll(pattern.regex)) {
        let path = match[1]!;
        if (pattern.addSlash) path = `/${path.replace(/^\//, "")}`;
        if (healthRank(path) < 0) continue;
        out.push({ path, evidence: `${file.path}:${lineOf(file.text, match.index)}: route ${match[0].trim()}` });
      }
    }
  }
  return out;
}

/** The best-named health route among those found. */
export function decideHealth(routes: Route[]): Finding<string> {
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
