// The built executable (dist/cli/main.js), run as a real process: the exit code path of
// main.ts (process.exitCode), not runCli's return value. Needs `npm run build` first.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BUILT_CLI = join(REPO_ROOT, "dist", "cli", "main.js");

export function assertBuilt(): void {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` before these tests`);
}

export interface ProcessRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI with no terminal (stdin closed) and the given environment additions. */
export function runBuilt(args: string[], cwd: string, env: Record<string, string | undefined> = { CI: "true" }, exe = BUILT_CLI): ProcessRun {
  assertBuilt();
  const r = spawnSync(process.execPath, [exe, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
