// The golden cases: each folder under cases/ holds input.yaml (the CLI arguments and any
// files already in the repository) and expected/ (every file init renders, reviewed).
// `npx vitest run --project unit -u tests/golden` regenerates expected/ after a deliberate change.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
      const input = parse(readFileSync(join(dir, "input.yaml"), "utf8")) as { args: string[]; existing?: Record<string, string> };
      return { name, dir, args: input.args.map(String), existing: input.existing ?? {} };
    });
}

/** Lay out a case's existing files (paths may have folders) in a repository directory. */
export function writeExisting(dir: string, existing: Record<string, string>): void {
  for (const [path, content] of Object.entries(existing)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}
