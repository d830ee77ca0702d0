// The golden cases: each folder under cases/ holds input.yaml (the CLI arguments and any
// files already in the repository) and expected/ (every file init renders, reviewed).
// `npx vitest run --project unit -u tests/golden` regenerates expected/ after a deliberate change.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), "cases");

export interface GoldenCase {
  name: string;
  dir: string;
  args: string[];
  existing: Record<string, string>;
}

export function goldenCases(): GoldenCase[] {
  return readdirSync(CASES_DIR)
    .sort()
    .map((name) => {
      const dir = join(CASES_DIR, name);
      const input = parse(readFileSync(join(dir, "input.yaml"), "utf8")) as { args: string[]; existing?: Record<string, string>; install?: Record<string, string> };
      return { name, dir, args: input.args.map(String), existing: { ...installed(input.install ?? {}), ...(input.existing ?? {}) } };
    });
}

/** Lay out a case's existing files (paths may have folders) in a repository directory. */
export function writeExisting(dir: string, existing: Record<string, string>): void {
  for (const [path, content] of Object.entries(existing)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

const REPO_ROOT = join(CASES_DIR, "..", "..", "..");

/**
 * `install: {"<package>": <folder of this repository>}`: the folder's files as if npm had
 * installed it into node_modules/<package> (a case that uses a team preset from npm).
 */
function installed(install: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [pkg, folder] of Object.entries(install)) {
    const walk = (rel: string) => {
      for (const entry of readdirSync(join(REPO_ROOT, folder, rel))) {
        const path = rel ? `${rel}/${entry}` : entry;
        if (statSync(join(REPO_ROOT, folder, path)).isDirectory()) walk(path);
        else out[`node_modules/${pkg}/${path}`] = readFileSync(join(REPO_ROOT, folder, path), "utf8");
      }
    };
    walk("");
  }
  return out;
}
