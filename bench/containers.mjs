// The output, in the container lab: for each preset, our Dockerfile and the two baselines
// built from the same working copy on the same stand-in base images, then measured the
// same way. Ratios are ours / baseline, from medians of this run.
import { appendFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { loadApp } from "./apps.mjs";
import * as lab from "./lib/lab.mjs";
import { must, ratio, summarize } from "./lib/measure.mjs";
import { prepareVariants, VARIANTS } from "./variants.mjs";

export const METRICS = ["imageBytes", "coldBuildMs", "rebuildMs", "contextBytes", "startToHttpMs", "stopMs"];
const TIMED = [...METRICS, "startToHealthyMs"];
const START_TIMEOUT_MS = 120_000;

export async function benchContainers({ root, presets, runs, keep, log }) {
  await lab.labUp();
  const work = join(root, "bench", "results", "tmp", `run-${process.pid}-${Date.now()}`);
  mkdirSync(work, { recursive: true });
  const out = [];
  try {
    for (const preset of presets) {
      const app = loadApp(root, preset);
      log(`containers: ${preset}`);
      const dirs = await prepareVariants({ root, app, work: join(work, preset), log });
      const variants = {};
      for (const variant of VARIANTS) variants[variant] = await benchVariant({ app, variant, dir: dirs[variant], runs, log });
      out.push({ preset, checkout: dirs.checkout, variants, ratios: ratiosOf(variants), guard: guardOf(app, variants) });
    }
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
  return { runs, presets: out, passed: out.every((p) => p.guard.passed) };
}

async function benchVariant({ app, variant, dir, runs, log }) {
  const tag = `bench-${app.preset}-${variant}:latest`;
  const layers = [];
  const samples = [];
  const result = { variant, runs };
  try {
    await lab.prepare(dir);
    for (let i = 0; i < runs; i++) {
      log(`  ${app.preset} ${variant}: run ${i + 1}/${runs}`);
      await lab.removeImages(tag, []);
      const cold = await lab.build(dir, tag, { noCache: true });
      layers.push(...cold.layers);
      if (!cold.ok) throw new Error(`cold build failed:\n${cold.out.slice(-2500)}`);
      const sample = { coldBuildMs: cold.ms, contextBytes: cold.contextBytes, imageBytes: await lab.imageSize(tag) };
      Object.assign(sample, await rebuildAfterSourceChange({ app, variant, dir, tag, layers, i }));
      Object.assign(sample, await startAndStop({ app, tag, name: `bench-${app.preset}-${variant}-${process.pid}-${i}` }));
      samples.push(sample);
    }
    Object.assign(result, await imageFacts(tag));
  } catch (err) {
    result.error = err.message;
    log(`  ${app.preset} ${variant}: ${err.message.split("\n")[0]}`);
  } finally {
    await lab.removeImages(tag, layers);
  }
  return {
    ...result,
    ...summarize(samples, TIMED),
    samples,
    installReran: samples.some((s) => s.installReran === true) ? true : samples.every((s) => s.installReran === false) && samples.length ? false : null,
    stopExitCodes: [...new Set(samples.map((s) => s.stopExitCode))],
    hasHealthcheck: samples[0]?.hasHealthcheck ?? null,
  };
}

/**
 * Appends a unique comment to one source file and rebuilds with the cache. A build with the
 * cache and no change comes first (not timed): the lab's cache holds identical layers from
 * other builds on this machine, and Buildah may follow one of those chains rather than the
 * --no-cache build's; that first build settles the chain, as a developer's previous build has.
 */
async function rebuildAfterSourceChange({ app, variant, dir, tag, layers, i }) {
  const settle = await lab.build(dir, tag, { noCache: false });
  layers.push(...settle.layers);
  if (!settle.ok) throw new Error(`build with the cache failed:\n${settle.out.slice(-2500)}`);
  const line = `bench: source-only change ${process.pid} ${Date.now()} ${i}`;
  appendFileSync(join(dir, app.touch), app.touch.endsWith(".py") ? `\n# ${line}\n` : `\n// ${line}\n`);
  const re = await lab.build(dir, tag, { noCache: false });
  layers.push(...re.layers);
  if (!re.ok) throw new Error(`rebuild failed:\n${re.out.slice(-2500)}`);
  const installs = lab.stepsCached(re.out, app.install[variant]);
  return {
    rebuildMs: re.ms,
    // null: no step matched the install pattern, which the guard reports as a failure for ours.
    installReran: installs.length ? installs.some((cached) => !cached) : null,
  };
}

/** docker run to the first HTTP 200 on the health path (and to a passing HEALTHCHECK), then docker stop. */
async function startAndStop({ app, tag, name }) {
  const hostPort = await lab.freePort();
  const since = Date.now();
  const started = await lab.startContainer({ tag, name, hostPort, port: app.port, env: app.env });
  try {
    if (started.code !== 0) throw new Error(`docker run failed: ${started.out.slice(-1000)}`);
    const url = `http://127.0.0.1:${hostPort}${app.healthPath}`;
    const startToHttpMs = await lab.pollUntil(() => lab.httpOk(url), { since, timeoutMs: START_TIMEOUT_MS, intervalMs: 100 });
    if (startToHttpMs === null) throw new Error(`no HTTP 200 from ${app.healthPath} within ${START_TIMEOUT_MS / 1000} s:\n${await lab.logsOf(name)}`);
    const hasHealthcheck = await lab.hasHealthcheck(name);
    const startToHealthyMs = hasHealthcheck ? await lab.pollUntil(() => lab.healthcheckPasses(name), { since, timeoutMs: START_TIMEOUT_MS, intervalMs: 250 }) : null;
    if (hasHealthcheck && startToHealthyMs === null) throw new Error(`its HEALTHCHECK did not pass within ${START_TIMEOUT_MS / 1000} s`);
    const stop = await lab.stopContainer(name);
    return { startToHttpMs, startToHealthyMs, hasHealthcheck, stopMs: stop.ms, stopExitCode: stop.exitCode };
  } finally {
    await lab.removeContainer(name);
  }
}

/** What the image carries: its user, and whether the local .env and .git got in. */
async function imageFacts(tag) {
  const workdir = (await must("docker", ["image", "inspect", "-f", "{{.Config.WorkingDir}}", tag])).stdout.trim() || "/";
  const at = (f) => `${workdir.replace(/\/$/, "")}/${f}`;
  return {
    user: (await lab.imageUser(tag)) || "root",
    envFileInImage: await lab.fileInImage(tag, at(".env")),
    gitInImage: await lab.fileInImage(tag, at(".git")),
  };
}

function ratiosOf(variants) {
  const ours = variants.ours;
  const vs = (base) => Object.fromEntries(METRICS.map((m) => [m, base.error || ours.error ? null : ratio(ours[m], base[m])]));
  return { naive: vs(variants.naive), "docker-init": vs(variants["docker-init"]) };
}

/** The regression guard: our image is no larger than the naive one; a source-only rebuild keeps the install. */
function guardOf(app, variants) {
  const { ours, naive } = variants;
  const failures = [];
  if (ours.error) failures.push(`our Dockerfile did not build or run: ${ours.error.split("\n")[0]}`);
  if (naive.error) failures.push(`the naive baseline did not build or run, so size cannot be compared: ${naive.error.split("\n")[0]}`);
  if (!ours.error && !naive.error && !(ours.imageBytes <= naive.imageBytes)) failures.push(`our image (${ours.imageBytes} B) is larger than the naive one (${naive.imageBytes} B)`);
  if (!ours.error && ours.installReran !== false) {
    failures.push(ours.installReran === null ? `no build step matched ${app.install.ours} in the rebuild` : "a source-only rebuild re-ran the dependency install");
  }
  return { passed: failures.length === 0, failures };
}
