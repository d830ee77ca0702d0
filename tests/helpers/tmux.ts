// Drive a real terminal with tmux: a detached session on a private socket in a temporary
// directory (so no user tmux server is touched and nothing is left in /tmp/tmux-UID), keys sent with send-keys, the screen read with capture-pane and
// polled with a bounded timeout, never a blind sleep.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./tmp.js";

const INSTALL_HINT = "tmux is required by the terminal tests (they drive the real prompts): install it, e.g. `apt-get install tmux`";

/** Fails (never skips) when tmux is missing. */
export function requireTmux(): void {
  const r = spawnSync("tmux", ["-V"], { encoding: "utf8" });
  if (r.error || r.status !== 0) throw new Error(`${INSTALL_HINT} (${r.error?.message ?? r.stderr.trim()})`);
}

/** Quote a word for the POSIX shell tmux runs the command with. */
export function sh(word: string): string {
  return `'${word.replace(/'/g, "'\\''")}'`;
}

export class TmuxSession {
  private readonly home = tempDir("ds-tmux-");
  readonly socket = join(this.home, "socket");
  readonly name = "scaffold";
  private readonly env: NodeJS.ProcessEnv;
  private started = false;

  constructor(env: Record<string, string | undefined> = {}) {
    const base: NodeJS.ProcessEnv = { ...process.env, TERM: "xterm-256color", LANG: process.env.LANG || "C.UTF-8", ...env };
    // Prompting needs CI unset; TMUX would make tmux think it is nested.
    for (const key of ["CI", "TMUX", "TMUX_PANE"]) delete base[key];
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete base[k];
    this.env = base;
  }

  private tmux(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync("tmux", ["-u", "-S", this.socket, ...args], { env: this.env, encoding: "utf8", timeout: 10_000 });
    if (r.error) throw new Error(`tmux ${args[0]} failed: ${r.error.message}. ${INSTALL_HINT}`);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  /** Start `command` (a shell command line) in a wide, tall detached window. */
  start(command: string): void {
    requireTmux();
    // Our own config: keep the pane after the command ends (its last screen stays readable),
    // and none of the user's ~/.tmux.conf.
    const conf = join(this.home, "tmux.conf");
    writeFileSync(conf, "set -g remain-on-exit on\nset -g history-limit 10000\n");
    const r = spawnSync("tmux", ["-u", "-S", this.socket, "-f", conf, "new-session", "-d", "-s", this.name, "-x", "200", "-y", "80", command], {
      env: this.env,
      encoding: "utf8",
      timeout: 10_000,
    });
    if (r.error || r.status !== 0) throw new Error(`tmux new-session failed: ${r.error?.message ?? r.stderr}. ${INSTALL_HINT}`);
    this.started = true;
  }

  /** The pane's text, scrollback included. */
  screen(): string {
    const r = this.tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", this.name]);
    if (r.status !== 0) throw new Error(`tmux capture-pane failed: ${r.stderr}`);
    return r.stdout;
  }

  /** Send tmux key names (Enter, Down, C-c, ...). */
  keys(...keys: string[]): void {
    const r = this.tmux(["send-keys", "-t", this.name, ...keys]);
    if (r.status !== 0) throw new Error(`tmux send-keys failed: ${r.stderr}`);
  }

  /** Type text literally (no key-name lookup). */
  type(text: string): void {
    const r = this.tmux(["send-keys", "-t", this.name, "-l", text]);
    if (r.status !== 0) throw new Error(`tmux send-keys failed: ${r.stderr}`);
  }

  /** Poll the screen until `pattern` appears; fail with the screen after `timeoutMs`. */
  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = "";
    for (;;) {
      last = this.screen();
      if (pattern.test(last)) return last;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs}ms waiting for ${pattern} on the terminal:\n${last}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Stop our own tmux server (only the one on this test's private socket). */
  kill(): void {
    if (this.started) this.tmux(["kill-server"]);
    this.started = false;
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** Poll until check() returns a value (not undefined); fail with `what` after timeoutMs. */
export async function waitUntil<T>(check: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
