// Where the templates are, the options every one is compiled with, and the hash that ties
// a precompiled template to its source. Shared by the engine and the build-time
// precompiler; loads no Handlebars.
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join, sep } from "node:path";
import { BUILD_DIR, PACKAGE_ROOT } from "../package-root.js";

export const TEMPLATE_DIR = join(PACKAGE_ROOT, "templates");

/** strict: a missing field fails loudly; noEscape: `&&` stays `&&` (HOUSE-STYLE habit 4). */
export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

/** Written by `npm run build` (precompile.ts); used while each template's hash matches. */
export const PRECOMPILED_FILE = join(BUILD_DIR, "render", "templates.precompiled.cjs");

export function hashTemplate(source: string): string {
  return createHash("sha256").update(source).digest("hex").slice(0, 16);
}

/** Every .hbs under dir (partials included), as "/"-separated paths relative to it, sorted. */
export function listTemplates(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((p) => p.endsWith(".hbs"))
    .map((p) => p.split(sep).join("/"))
    .sort();
}

/**
 * The partial names a template answers to: its path without `.hbs` (`python/build`), or,
 * in `_partials/`, its bare name (`labels`). Starter apps are files, not partials.
 */
export function partialNames(name: string): string[] {
  if (!name.endsWith(".hbs") || name.startsWith("starters/")) return [];
  const bare = name.slice(0, -".hbs".length);
  return bare.startsWith("_partials/") ? [bare.slice("_partials/".length)] : [bare];
}
