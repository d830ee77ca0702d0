// The golden cases: each folder under cases/ holds input.yaml (the CLI arguments and any
// files already in the repository) and expected/ (every file init renders, reviewed).
// `npx vitest run --project unit -u tests/golden` regenerates expected/ after a deliberate change.
import { readdirSync, readFileSync } from "node:fs";
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
