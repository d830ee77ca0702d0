// Processes, timing and statistics. Every number in a report comes from here:
// wall time from a monotonic clock around the child, CPU time and peak memory from
// GNU time's rusage of that same child (when /usr/bin/time exists).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";
export const HAS_GNU_TIME = existsSync(GNU_TIME);

/**
 * Run a command to completion; stdout and stderr are kept (interleaved in `out`).
 * Resolves with the exit code rather than rejecting on failure.
 */
export function run(cmd, args, { cwd, env = {}, timeoutMs = 0, input } = {}) {
  const started = process.hrtime.bigint();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    let out = "";
    let stdout = "";
    child.stdout.on("data", (d) => {
      out += d;
      stdout += d;
    });
    child.stderr.on("data", (d) => (out += d));
    if (input !== undefined) child.stdin.end(input);
    const timer = timeoutMs ? setTimeout(() => child.kill("SIGKILL"), timeoutMs) : null;
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      resolvePromise({ code: code ?? (signal ? 128 : 1), signal, out, stdout, ms });
    });
  });
}

/** Like run(), but a non-zero exit is an error that carries the output's tail. */
export async function must(cmd, args, opts = {}) {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.code}:\n${r.out.slice(-3000)}`);
  return r;
}

/**
 * One cold process: wall ms (monotonic clock), CPU ms (user+sys) and peak RSS in MiB.
 * CPU and memory are null when GNU time is missing.
 */
export async function measureProcess(cmd, args, opts = {}) {
  if (!HAS_GNU_TIME) {
    const r = await run(cmd, args, opts);
    return { code: r.code, wallMs: r.ms, cpuMs: null, peakRssMiB: null, out: r.out };
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-time-"));
  const file = join(dir, "rusage");
  try {
    const r = await run(GNU_TIME, ["-f", "%e %U %S %M", "-o", file, cmd, ...args], opts);
    // GNU time prefixes "Command exited with non-zero status N" when the child fails.
    const fields = readFileSync(file, "utf8").trim().split("\n").pop().split(/\s+/).map(Number);
    const [, user, sys, maxRssKiB] = fields;
    return { code: r.code, wallMs: r.ms, cpuMs: (user + sys) * 1000, peakRssMiB: maxRssKiB / 1024, out: r.out };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values) {
  const xs = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** a / b, or null when either is missing or b is zero. */
export function ratio(a, b) {
  return typeof a === "number" && typeof b === "number" && b !== 0 ? a / b : null;
}

/** Medians of each numeric field over a list of samples ({ wallMs: [..], ... } -> { wallMs: m }). */
export function summarize(samples, fields) {
  return Object.fromEntries(fields.map((f) => [f, median(samples.map((s) => s[f]))]));
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
