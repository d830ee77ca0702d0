// Run the CLI in-process with captured output (HOUSE-STYLE habit 1: tests call the
// function; a few end-to-end tests use the built executable).
import { Writable } from "node:stream";
import { runCli } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliCaptured(argv: string[], cwd: string, interactive = false): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const sink = new Writable({ write: (chunk, _enc, cb) => ((stdout += String(chunk)), cb()) });
  const io: CliIo = {
    cwd,
    stdout: sink,
    out: (t) => (stdout += t.endsWith("\n") ? t : `${t}\n`),
    err: (t) => (stderr += t.endsWith("\n") ? t : `${t}\n`),
    interactive,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
