// Reading compose values: `${VAR:-default}` interpolation (defaults, then env.example's
// values), lists that may be written as strings, and the service's own Dockerfile.
import type { ServiceView } from "../../parse/compose.js";
import type { DockerfileModel } from "../../parse/dockerfile.js";
import { expandVars } from "../../parse/expand.js";
import type { DirFiles } from "../../rule.js";

export interface Interpolated {
  value: string;
  /** A variable had no default and no value in env.example. */
  unknown: boolean;
}

export function interpolate(raw: unknown, dir: DirFiles): Interpolated {
  const text = raw === null || raw === undefined ? "" : String(raw);
  const env = dir.envs[0]?.values;
  const e = expandVars(text, (name) => env?.get(name) || undefined, { dollarEscape: true });
  return { value: e.value, unknown: e.missing.length > 0 };
}

/** Stands for the value of a variable that has no default and no env.example value. */
export const UNKNOWN_MARK = "\u0000";

/** interpolate, with unknown variables replaced by UNKNOWN_MARK so callers can tell which part is unknown. */
export function interpolateMarked(raw: unknown, dir: DirFiles): string {
  const text = raw === null || raw === undefined ? "" : String(raw);
  const env = dir.envs[0]?.values;
  return expandVars(text, (name) => env?.get(name) || undefined, { dollarEscape: true, unknownAs: UNKNOWN_MARK }).value;
}

export function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  return [value];
}

export function isTrue(value: unknown, dir: DirFiles): boolean {
  if (value === true) return true;
  if (typeof value === "string") return /^(true|yes|on)$/i.test(interpolate(value, dir).value.trim());
  return false;
}

/** `environment:` as [key, value, index] whether written as a map or a KEY=VAL list. */
export function environmentEntries(env: unknown): { key: string; value: string | undefined; pathKey: string | number }[] {
  if (Array.isArray(env)) {
    return env.map((item, i) => {
      const s = String(item);
      const eq = s.indexOf("=");
      return { key: eq < 0 ? s : s.slice(0, eq), value: eq < 0 ? undefined : s.slice(eq + 1), pathKey: i };
    });
  }
  if (env && typeof env === "object") {
    return Object.entries(env as Record<string, unknown>).map(([key, v]) => ({ key, value: v === null || v === undefined ? undefined : String(v), pathKey: key }));
  }
  return [];
}

/**
 * The Dockerfile a service builds, when it is one of the checked files: in the compose file's
 * directory, or in a sub-folder build context (`./api`: a repository with several apps).
 */
export function builtDockerfile(svc: ServiceView, dir: DirFiles): DockerfileModel | undefined {
  const build = svc.data.build;
  if (build === undefined || build === null) return undefined;
  const context = (typeof build === "string" ? build : String((build as Record<string, unknown>).context ?? ".")).trim();
  const name = (typeof build === "object" ? String((build as Record<string, unknown>).dockerfile ?? "Dockerfile") : "Dockerfile").replace(/^\.\//, "");
  if (/^\.\/?$/.test(context)) return dir.dockerfiles.find((d) => d.file.base === name);
  // A relative sub-folder without variables or parent steps: ./api, api, services/api/.
  const sub = context.replace(/^\.\//, "").replace(/\/+$/, "");
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(sub) || sub.split("/").some((seg) => seg === "." || seg === "..") || name.includes("/")) return undefined;
  const target = dir.dir === "." ? sub : `${dir.dir}/${sub}`;
  return dir.project?.get(target)?.dockerfiles.find((d) => d.file.base === name);
}

/** Lines of every service, for rules that report per service. */
export function forEachService<T>(services: ServiceView[], fn: (svc: ServiceView) => T[]): T[] {
  return services.flatMap(fn);
}

/** deploy.resources.limits.<key>. */
export function deployLimit(svc: ServiceView, key: string): unknown {
  const deploy = svc.data.deploy as Record<string, unknown> | undefined;
  const resources = deploy?.resources as Record<string, unknown> | undefined;
  const limits = resources?.limits as Record<string, unknown> | undefined;
  return limits?.[key];
}

/** security_opt entries, normalised (`label=disable` and `label:disable` alike). */
export function securityOpts(svc: ServiceView): { value: string; index: number }[] {
  return asList(svc.data.security_opt).map((v, index) => ({ value: String(v).trim().replace("=", ":"), index }));
}
