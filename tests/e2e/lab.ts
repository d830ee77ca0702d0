// Small helpers over the container lab: run commands with the lab's environment,
// wait for HTTP, read a container's process state from /proc.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const LAB_DIR = resolve(process.cwd(), "..", "shared", "container-lab");
export const CLI = resolve(process.cwd(), "dist", "cli", "main.js");

export interface Run {
  code: number;
  out: string;
  ms: number;
}

/** Run a command without blocking the event loop (builds take minutes); stdout and stderr interleaved. */
export function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? 1, out, ms: Date.now() - started }));
  });
}

export async function must(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  const r = await sh(cmd, args, cwd, env);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.code}:\n${r.out.slice(-4000)}`);
  return r.out;
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      const body = await res.text();
      if (res.status === 200) return { status: res.status, body };
      last = `HTTP ${res.status}: ${body.slice(0, 200)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

/** The host pid of a container's PID 1 (podman runs as root here, no user namespace). */
export async function containerPid(id: string, cwd: string): Promise<number> {
  return Number((await must("podman", ["inspect", "-f", "{{.State.Pid}}", id], cwd)).trim());
}

/** Uid and effective capabilities of a host process, from /proc/<pid>/status. */
export function processIdentity(pid: number): { uid: number; gid: number; capEff: string } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => new RegExp(`^${name}:\\s+(\\S+)`, "m").exec(status)?.[1] ?? "";
  return { uid: Number(field("Uid")), gid: Number(field("Gid")), capEff: field("CapEff") };
}

/** The root filesystem of a running container, as seen from the host. */
export function containerRoot(pid: number): string {
  return join("/proc", String(pid), "root");
}

/**
 * Whether each build step matching `pattern` was taken from the layer cache, from the
 * classic builder's output ("STEP n/m: <instruction>" followed by "--> Using cache").
 */
export function stepsCached(buildOutput: string, pattern: RegExp): boolean[] {
  const lines = buildOutput.split("\n");
  const out: boolean[] = [];
  lines.forEach((line, i) => {
    if (/STEP \d+\/\d+: /.test(line) && pattern.test(line)) out.push(/^--> Using cache/.test(lines[i + 1] ?? ""));
  });
  return out;
}
