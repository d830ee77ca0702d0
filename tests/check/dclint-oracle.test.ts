// dclint (a test-only oracle) on the hardened compose files: nothing but its
// require-project-name-field warning, which check leaves opt-in (CMP-PROJECT-NAME)
// because docker-compose 1.29 rejects a top-level name:.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CORPUS } from "./corpus-files.js";

const run = promisify(execFile);
const DCLINT = join(import.meta.dirname, "../../node_modules/dclint/bin/dclint.cjs");

async function dclint(file: string): Promise<{ rule: string; line: number }[]> {
  let stdout = "";
  try {
    ({ stdout } = await run(process.execPath, [DCLINT, file, "-f", "json"], { timeout: 60_000 }));
  } catch (err) {
    stdout = (err as { stdout?: string }).stdout ?? "";
  }
  const results = JSON.parse(stdout) as { messages: { rule: string; line: number }[] }[];
  return results.flatMap((r) => r.messages.map((m) => ({ rule: m.rule, line: m.line })));
}

describe("dclint on the hardened compose files", () => {
  for (const name of ["good-python", "good-node", "good-go"]) {
    it(name, async () => {
      const messages = await dclint(join(CORPUS, name, "docker-compose.yml"));
      expect(messages.filter((m) => m.rule !== "require-project-name-field")).toEqual([]);
    }, 60_000);
  }
});
