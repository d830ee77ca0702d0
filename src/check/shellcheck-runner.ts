// The shellcheck runner checkPaths hands to DF-RUN-SHELLCHECK when the binary is installed
// (Debian's shellcheck; the npm wrapper downloads a binary and is not used).
//
// Starting shellcheck costs tens of milliseconds, so a Dockerfile's RUN bodies are checked
// in one process per shell (`batch`): each body is its own temporary file, so one body's
// variables or unclosed quote never leak into another's result.
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import type { ShellcheckIssue, ShellcheckRequest, ShellcheckRunner } from "./types.js";

// SC2215 is about a leading `--flag` word: RUN flags are stripped before the body is checked.
const EXCLUDE = ["SC2215"];

/** The shellcheck executable on PATH (a lookup, not a process: check starts faster). */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const pick = ({ code, level, message, line }: ShellcheckIssue): ShellcheckIssue => ({ code, level, message, line });

export function findShellcheck(): ShellcheckRunner | undefined {
  const bin = onPath("shellcheck");
  if (!bin) return undefined;
  const one: ShellcheckRunner = (script, shell) => {
    const r = spawnSync(bin, ["-s", shell, "-f", "json", "-e", EXCLUDE.join(","), "-"], { input: `${script}\n`, encoding: "utf8", timeout: 10_000 });
    if (r.error || !r.stdout) return [];
    try {
      return (JSON.parse(r.stdout) as ShellcheckIssue[]).map(pick);
    } catch {
      return [];
    }
  };
  return Object.assign(one, { batch: (requests: readonly ShellcheckRequest[]) => batch(bin, requests) });
}

/** Every request's issues, in order: one shellcheck process per shell, one file per body. */
function batch(bin: string, requests: readonly ShellcheckRequest[]): ShellcheckIssue[][] {
  const out: ShellcheckIssue[][] = requests.map(() => []);
  if (!requests.length) return out;
  const dir = mkdtempSync(join(tmpdir(), "docker-scaffold-shellcheck-"));
  try {
    for (const shell of ["sh", "bash"] as const) {
      const files = new Map<string, number>();
      requests.forEach((req, i) => {
        if (req.shell !== shell) return;
        const file = join(dir, `run-${i}.${shell}`);
        writeFileSync(file, `${req.script}\n`);
        files.set(file, i);
      });
      if (!files.size) continue;
      const r = spawnSync(bin, ["-s", shell, "-f", "json1", "-e", EXCLUDE.join(","), ...files.keys()], { encoding: "utf8", timeout: 20_000 });
      if (r.error || !r.stdout) continue;
      try {
        for (const c of (JSON.parse(r.stdout) as { comments: (ShellcheckIssue & { file: string })[] }).comments) {
          const i = files.get(c.file);
          if (i !== undefined) out[i]!.push(pick(c));
        }
      } catch {
        // unreadable output: no findings, as for a single body
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
