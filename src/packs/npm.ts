// npm sources: the target repository's node_modules first (walking up like Node does),
// else the cache (<cache>/npm/<package>/<version>), else fetched with the user's npm and
// its configuration (.npmrc, registry, auth): `npm view` picks the version, `npm pack`
// downloads it. The fetcher is injectable so tests need no registry.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { PresetError } from "../errors.js";
import { settle, type FetchMode } from "./git.js";

export interface NpmFetcher {
  /** Every published version of pkg (npm view <pkg> versions). */
  versions(pkg: string, cwd: string): string[];
  /** Download pkg@version into dir as a tarball; returns the tarball's path. */
  pack(pkg: string, version: string, dir: string, cwd: string): string;
}

export const systemNpm: NpmFetcher = {
  versions(pkg, cwd) {
    try {
      const out = execFileSync("npm", ["view", pkg, "versions", "--json"], { cwd, stdio: ["ignore", "pipe", "pipe"] }).toString();
      const parsed = JSON.parse(out) as string | string[];
      return Array.isArray(parsed) ? parsed : [parsed];
    } catch (err) {
      throw new PresetError(`npm view ${pkg} failed: ${String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim().split("\n").slice(-2).join(" ")}\nfix: check the package name and your npm registry configuration, or install it into node_modules`);
    }
  },
  pack(pkg, version, dir, cwd) {
    try {
      const out = execFileSync("npm", ["pack", `${pkg}@${version}`, "--pack-destination", dir, "--json", "--ignore-scripts"], { cwd, stdio: ["ignore", "pipe", "pipe"] }).toString();
      const [info] = JSON.parse(out) as { filename: string }[];
      return join(dir, info!.filename);
    } catch (err) {
      throw new PresetError(`npm pack ${pkg}@${version} failed: ${String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim().split("\n").slice(-2).join(" ")}`);
    }
  },
};

export interface NpmResolved {
  dir: string;
  version: string;
  from: "node_modules" | "cache" | "registry";
}

function readVersion(pkgDir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

const require = createRequire(import.meta.url);

export function resolveNpm(pkg: string, range: string | null, pin: string | null, target: string, mode: FetchMode, fetcher: NpmFetcher = systemNpm): NpmResolved {
  // Loaded only where an npm: reference is used.
  const semver = require("semver") as typeof import("semver");
  const accepts = (v: string) => (pin ? v === pin : range ? semver.satisfies(v, range, { includePrerelease: false }) : true);
  // 1. node_modules of the target repository (and its parents).
  for (let d = target; ; d = dirname(d)) {
    const pkgDir = join(d, "node_modules", pkg);
    const version = existsSync(pkgDir) ? readVersion(pkgDir) : null;
    if (version && accepts(version)) return { dir: realpathSync(pkgDir), version, from: "node_modules" };
    if (dirname(d) === d) break;
  }
  // 2. the cache; 3. the registry.
  const base = join(mode.cache, "npm", pkg.replace("/", "+"));
  const cached = existsSync(base) ? readdirSync(base).filter((v) => semver.valid(v) && existsSync(join(base, v, "package.json"))) : [];
  const pick = (versions: string[]) => (pin ? (versions.includes(pin) ? pin : null) : semver.maxSatisfying(versions, range ?? "*"));
  const inCache = pick(cached);
  const what = `${pkg}${pin ? `@${pin}` : range ? `@${range}` : ""}`;
  if (inCache && !mode.refresh) return { dir: join(base, inCache), version: inCache, from: "cache" };
  if (mode.offline) {
    if (inCache) return { dir: join(base, inCache), version: inCache, from: "cache" };
    throw new PresetError(`${what} is neither in node_modules nor in the cache (${mode.cache}), and --offline uses only those.\nfix: npm install it, or run once without --offline`);
  }
  const version = pick(fetcher.versions(pkg, target));
  if (!version) throw new PresetError(`npm has no version of ${pkg} matching ${pin ?? range ?? "*"}.\nfix: check the version range`);
  const dir = join(base, version);
  if (existsSync(join(dir, "package.json")) && !mode.refresh) return { dir, version, from: "cache" };
  const tmp = join(base, `.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const tgz = fetcher.pack(pkg, version, tmp, target);
    execFileSync("tar", ["-x", "-z", "-f", tgz, "-C", tmp], { stdio: ["ignore", "pipe", "pipe"] });
    if (!existsSync(join(tmp, "package", "package.json"))) throw new PresetError(`${pkg}@${version}: the tarball has no package/package.json`);
    rmSync(dir, { recursive: true, force: true });
    settle(join(tmp, "package"), dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { dir, version, from: "registry" };
}
