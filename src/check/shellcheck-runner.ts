// The shellcheck runner checkPaths hands to DF-RUN-SHELLCHECK when the binary is installed
// (Debian's shellcheck; the npm wrapper downloads a binary and is not used).
import { spawnSync } from "node:child_process";
import type { ShellcheckIssue, ShellcheckRunner } from "./types.js";

// SC2215 is about a leading `--flag` word: RUN flags are stripped before the body is checked.
const EXCLUDE = ["SC2215"];

export function findShellcheck(): ShellcheckRunner | undefined {
  const probe = spawnSync("shellcheck", ["--version"], { stdio: "ignore" });
  if (probe.error || probe.status !== 0) return undefined;
  return (script, shell) => {
    const r = spawnSync("shellcheck", ["-s", shell, "-f", "json", "-e", EXCLUDE.join(","), "-"], { input: `${script}\n`, encoding: "utf8", timeout: 10_000 });
    if (r.error || !r.stdout) return [];
    try {
      return (JSON.parse(r.stdout) as ShellcheckIssue[]).map(({ code, level, message, line }) => ({ code, level, message, line }));
    } catch {
      return [];
    }
  };
}
