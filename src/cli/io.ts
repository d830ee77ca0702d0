// What a command needs from the process, passed in so tests can run commands in-process.
export interface CliIo {
  cwd: string;
  stdout: NodeJS.WritableStream;
  out(text: string): void;
  err(text: string): void;
  /** stdin and stdout are terminals and CI is not set: prompting is allowed. */
  interactive: boolean;
  /** Set by a command whose result is an exit code (check: 1 when findings fail the threshold). */
  exitCode?: number;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: process.stdout,
    out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY && !process.env.CI),
  };
}
