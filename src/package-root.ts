// Where docker-scaffold's own files are (templates/, presets/, schemas/, package.json, the
// build's precompiled modules), found from this module by walking up to our package.json.
// Not a fixed `../..` from each module: the published executable is one bundle
// (src/bundle.ts), so a module's path in dist/ is not its path in src/.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const NAME = "docker-scaffold";

function findRoot(from: string): { root: string; pkg: { name: string; version: string } } {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === NAME && typeof pkg.version === "string") return { root: dir, pkg: { name: NAME, version: pkg.version } };
    }
    if (dirname(dir) === dir) throw new Error(`${NAME}: no package.json named "${NAME}" above ${from}; the installation is incomplete, reinstall the package`);
  }
}

const found = findRoot(dirname(fileURLToPath(import.meta.url)));

/** The package's directory: the repository in development, node_modules/docker-scaffold when installed. */
export const PACKAGE_ROOT = found.root;
/** package.json's name and version. */
export const PACKAGE = found.pkg;
/** What `npm run build` writes (tsc's output, the precompiled modules, the bundle). */
export const BUILD_DIR = join(PACKAGE_ROOT, "dist");
