// Build step (after tsc and precompile.ts): the executable, dist/cli/main.js, becomes one
// esbuild bundle of src/cli/main.ts with its dependencies. Loading tsc's output meant
// resolving and reading about 540 ES modules on every run, most of a run's time
// (bench/README.md). Modules loaded on demand (`await import()`: the prompts, `check`'s
// rules, packs) stay on demand as chunks beside it, in dist/cli/chunks/. The rest of dist/
// stays tsc's output; the bundle finds templates/, presets/ and schemas/ through
// package-root.ts, not through its own path.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { BUILD_DIR, PACKAGE_ROOT } from "./package-root.js";

const OUT_DIR = join(BUILD_DIR, "cli");

// CommonJS dependencies (handlebars, commander, dockerfile-ast, …) call require() for
// Node's built-in modules, which an ES module does not have: give them one.
const BANNER = 'import { createRequire as __scaffoldCreateRequire } from "node:module";\nconst require = __scaffoldCreateRequire(import.meta.url);';

export async function bundle(): Promise<string[]> {
  rmSync(join(OUT_DIR, "chunks"), { recursive: true, force: true });
  const result = await build({
    absWorkingDir: PACKAGE_ROOT,
    entryPoints: { main: join(PACKAGE_ROOT, "src", "cli", "main.ts") },
    outdir: OUT_DIR,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: true,
    sourcesContent: false,
    banner: { js: BANNER },
    logLevel: "warning",
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".js"));
}

const outputs = await bundle();
console.log(`bundle: ${outputs.length} files in ${OUT_DIR}`);
