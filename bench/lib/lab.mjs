// The container lab (../shared/container-lab): podman behind the Docker API, the classic
// builder (Buildah). Builds, runs, probes and cleans up through the docker CLI, as a user
// would; health through `podman healthcheck run` (the lab runs no health timer).
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { must, run, sleep } from "./measure.mjs";

export const LAB_DIR = resolve(process.cwd(), "..", "shared", "container-lab");

/** Starts the lab (idempotent) and exports DOCKER_HOST / DOCKER_BUILDKIT to children. */
export async function labUp() {
  if (!existsSync(join(LAB_DIR, "up"))) throw new Error(`the container lab is not at ${LAB_DIR} (see README: ../shared/container-lab)`);
  const r = await must("bash", [join(LAB_DIR, "up")], { timeoutMs: 10 * 60_000 });
  for (const m of r.stdout.matchAll(/^export (\w+)=(.*)$/gm)) process.env[m[1]] = m[2];
  if (!process.env.DOCKER_HOST) throw new Error(`container-lab/up printed no DOCKER_HOST:\n${r.out}`);
}

/** Stand-ins for the FROM images of a Dockerfile (not timed: a user pulls base images once). */
export const prepare = (dir) => must(join(LAB_DIR, "prepare"), ["Dockerfile"], { cwd: dir, timeoutMs: 15 * 60_000 });

const UNITS = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

/** Bytes from the classic builder's "Sending build context to Docker daemon  19.46kB". */
export function contextBytes(buildOutput) {
  const m = /Sending build context to Docker daemon\s+([\d.]+)\s*([kKMG]?B)/.exec(buildOutput);
  return m ? Math.round(Number(m[1]) * UNITS[m[2]]) : null;
}

/**
 * Whether each build step matching `pattern` was taken from the layer cache, from the
 * classic builder's output ("STEP n/m: <instruction>" followed by "--> Using cache"),
 * as tests/e2e/lab.ts reads it.
 */
export function stepsCached(buildOutput, pattern) {
  const lines = buildOutput.split("\n");
  const out = [];
  lines.forEach((line, i) => {
    if (/STEP \d+\/\d+: /.test(line) && pattern.test(line)) out.push(/^--> Using cache/.test(lines[i + 1] ?? ""));
  });
  return out;
}

/**
 * Ids of the layers a build created ("--> 0d436392483"), to remove them afterwards. Layers
 * taken from the cache ("--> Using cache <id>" before the id) may belong to other builds
 * on this machine and are left alone.
 */
export function layerIds(buildOutput) {
  const lines = buildOutput.split("\n");
  return lines.flatMap((line, i) => {
    const m = /^--> ([0-9a-f]{11,64})\s*$/.exec(line);
    return m && !/^--> Using cache/.test(lines[i - 1] ?? "") ? [m[1]] : [];
  });
}

export async function build(dir, tag, { noCache }) {
  const r = await run("docker", ["build", ...(noCache ? ["--no-cache"] : []), "-t", tag, "."], { cwd: dir, timeoutMs: 30 * 60_000 });
  return { ok: r.code === 0, ms: r.ms, out: r.out, contextBytes: contextBytes(r.out), layers: layerIds(r.out) };
}

export async function imageSize(tag) {
  const r = await must("docker", ["image", "inspect", "-f", "{{.Size}}", tag]);
  return Number(r.stdout.trim());
}

/** The user an image runs as ("" means root). */
export async function imageUser(tag) {
  const r = await must("docker", ["image", "inspect", "-f", "{{.Config.User}}", tag]);
  return r.stdout.trim();
}

/** Whether `path` exists in the image's filesystem (works without a shell in the image). */
export async function fileInImage(tag, path) {
  const name = `bench-probe-${process.pid}-${Date.now()}`;
  await must("docker", ["create", "--name", name, tag]);
  try {
    return (await run("docker", ["cp", `${name}:${path}`, "-"])).code === 0;
  } finally {
    await run("docker", ["rm", "-f", name]);
  }
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the container). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

export async function startContainer({ tag, name, hostPort, port, env }) {
  const envArgs = Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
  return run("docker", ["run", "-d", "--name", name, "-p", `127.0.0.1:${hostPort}:${port}`, ...envArgs, tag]);
}

/** Polls until `probe()` is true; ms since `since`, or null at the deadline. */
export async function pollUntil(probe, { since, timeoutMs, intervalMs }) {
  const deadline = since + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return Date.now() - since;
    await sleep(intervalMs);
  }
  return null;
}

export async function httpOk(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** The container's own HEALTHCHECK, run once ("unhealthy" + exit 1 on failure). */
export async function healthcheckPasses(name) {
  const r = await run(join(LAB_DIR, "healthcheck"), [name], { timeoutMs: 20_000 });
  return r.code === 0 && !/unhealthy/.test(r.out);
}

export async function hasHealthcheck(name) {
  const r = await run("docker", ["inspect", "-f", "{{json .Config.Healthcheck}}", name]);
  return r.code === 0 && /"Test"\s*:\s*\[/.test(r.stdout);
}

/** `docker stop -t 10`: wall time and the exit code (137: SIGTERM ignored, killed after 10 s). */
export async function stopContainer(name) {
  const r = await run("docker", ["stop", "-t", "10", name], { timeoutMs: 60_000 });
  const code = await run("docker", ["inspect", "-f", "{{.State.ExitCode}}", name]);
  return { ms: r.ms, exitCode: Number(code.stdout.trim()) };
}

export async function logsOf(name) {
  return (await run("docker", ["logs", "--tail", "40", name])).out;
}

export async function removeContainer(name) {
  await run("docker", ["rm", "-f", name]);
}

/** Removes an image and the layers its builds made; layers still used elsewhere stay. */
export async function removeImages(tag, layers) {
  await run("docker", ["rmi", "-f", tag]);
  for (const id of [...new Set(layers)].reverse()) await run("podman", ["rmi", id]);
}
