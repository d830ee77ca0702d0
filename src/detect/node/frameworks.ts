// Node framework markers and the routes only a framework's conventions reveal
// (Nest decorators, Next.js file-system routes).
import { lineOf, type SourceFile } from "../context.js";
import { healthRank } from "../health.js";
import type { MountedRoute } from "../mounts.js";

/** Checked in order: Nest runs on express/fastify and Next may sit behind express, so they come first. */
export const NODE_FRAMEWORKS: readonly { framework: string; packages: string[] }[] = [
  { framework: "nestjs", packages: ["@nestjs/core"] },
  { framework: "nextjs", packages: ["next"] },
  { framework: "fastify", packages: ["fastify"] },
  { framework: "express", packages: ["express"] },
];

/** Servers and app frameworks without a dedicated template: framework "none", named in the evidence. */
export const NODE_OTHER_SERVERS = [
  "koa", "@hapi/hapi", "hapi", "hono", "restify", "@adonisjs/core", "@feathersjs/feathers", "@remix-run/serve",
  "nuxt", "@sveltejs/kit", "astro", "@apollo/server", "apollo-server", "socket.io", "polka", "micro", "sails", "loopback",
  "@loopback/core", "h3", "elysia", "vite", "react-scripts",
];

type Route = MountedRoute;

/** @Controller('health') + @Get() -> /health, under app.setGlobalPrefix('api') -> /api/health. */
export function nestRoutes(files: SourceFile[]): Route[] {
  let prefix = "";
  for (const file of files) {
    const match = /setGlobalPrefix\(\s*['"`]([^'"`]+)['"`]/.exec(file.text);
    if (match) prefix = match[1]!;
  }
  const out: Route[] = [];
  for (const file of files) {
    const controller = /@Controller\(\s*(?:['"`]([^'"`]*)['"`]|\{[^}]*\bpath\s*:\s*['"`]([^'"`]*)['"`][^}]*\})?\s*\)/.exec(file.text);
    if (!controller) continue;
    const base = controller[1] ?? controller[2] ?? "";
    for (const method of file.text.matchAll(/@(?:Get|Head|All)\(\s*(?:['"`]([^'"`]*)['"`])?\s*\)/g)) {
      const path = "/" + [prefix, base, method[1] ?? ""].map((part) => part.replace(/^\/+|\/+$/g, "")).filter((part) => part !== "").join("/");
      if (healthRank(path) < 0) continue;
      out.push({ path, evidence: `${file.path}:${lineOf(file.text, method.index)}: @Controller('${base}') ${method[0]}${prefix ? ` under global prefix '${prefix}'` : ""}` });
    }
  }
  return out;
}

/** app/api/health/route.ts and pages/api/health.ts -> /api/health. */
export function nextRoutes(files: SourceFile[], appDir: string): Route[] {
  const out: Route[] = [];
  for (const file of files) {
    const rel = appDir === "" ? file.path : file.path.slice(appDir.length + 1);
    const appRoute = /^(?:src\/)?app\/(.+)\/route\.[cm]?[jt]sx?$/.exec(rel);
    const pageRoute = /^(?:src\/)?pages\/(api\/.+?)(?:\/index)?\.[cm]?[jt]sx?$/.exec(rel);
    const raw = appRoute?.[1] ?? pageRoute?.[1];
    if (!raw) continue;
    // Route groups "(admin)" do not appear in the URL.
    const path = "/" + raw.split("/").filter((part) => !/^\(.*\)$/.test(part)).join("/");
    if (healthRank(path) >= 0) out.push({ path, evidence: `${file.path}: Next.js route file for ${path}` });
  }
  return out;
}

/** Servers whose built output listens on a documented default port (and honours PORT). */
export const NODE_DEFAULT_PORTS: readonly { package: string; port: number; why: string }[] = [
  { package: "next", port: 3000, why: "next start listens on 3000 unless told otherwise (Next.js default)" },
  { package: "@sveltejs/adapter-node", port: 3000, why: "SvelteKit's adapter-node server listens on 3000 unless PORT is set" },
  { package: "nuxt", port: 3000, why: "Nuxt's Nitro server listens on 3000 unless PORT is set" },
  { package: "@remix-run/serve", port: 3000, why: "remix-serve listens on 3000 unless PORT is set" },
];

/** SvelteKit: src/routes/health/+server.ts -> /health. */
export function svelteKitRoutes(files: SourceFile[], appDir: string): Route[] {
  const out: Route[] = [];
  for (const file of files) {
    const rel = appDir === "" ? file.path : file.path.slice(appDir.length + 1);
    const match = /^src\/routes\/(.+)\/\+server\.[jt]s$/.exec(rel);
    if (!match) continue;
    const path = "/" + match[1]!.split("/").filter((part) => !/^\(.*\)$/.test(part)).join("/");
    if (healthRank(path) >= 0) out.push({ path, evidence: `${file.path}: SvelteKit route file for ${path}` });
  }
  return out;
}
