// The tool: wall time, CPU time and peak memory of one cold `docker-scaffold` process per
// run, for init (dry run), detect and check on each preset's example app, and the same
// generator job beside a peer, @flydotio/dockerfile, on the Node.js example app.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadApp } from "./apps.mjs";
import { measureProcess, median, ratio, run, summarize } from "./lib/measure.mjs";

export const TOOL_TARGET_MS = 300;
const FIELDS = ["wallMs", "cpuMs", "peakRssMiB"];
const PEER_PACKAGE = "@flydotio/dockerfile";
const PEER_FIXTURE = "node-express";

/** Copy an example app as a developer would have it checked out (no build output). */
function copyApp(src, dest) {
  cpSync(src, dest, { recursive: true, filter: (p) => !/node_modules|\.next|\/dist$/.test(p) });
  return dest;
}

/** Runs a command once to warm the file cache, then `runs` times; medians of each field. */
async function sample(label, runs, makeRun) {
  await makeRun();
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await makeRun());
  const failed = samples.filter((s) => s.code !== 0);
  return {
    command: label,
    runs,
    ...summarize(samples, FIELDS),
    exitCodes: [...new Set(samples.map((s) => s.code))],
    ...(failed.length ? { error: failed[0].out.slice(-600) } : {}),
  };
}

/** `check` lands in another branch: measure it once the built CLI has the command. */
async function checkAvailability(cli) {
  const r = await run("node", [cli, "check", "--help"]);
  if (r.code === 0 && /Usage: docker-scaffold check/.test(r.stdout)) return { available: true };
  return { available: false, reason: "this build has no `check` command (`docker-scaffold check --help` does not describe one)" };
}

export async function benchTool({ root, presets, runs, log }) {
  const cli = join(root, "dist", "cli", "main.js");
  const work = mkdtempSync(join(tmpdir(), "bench-tool-"));
  const check = await checkAvailability(cli);
  const rows = [];
  try {
    for (const preset of presets) {
      const app = loadApp(root, preset);
      const dir = copyApp(app.dir, join(work, preset));
      const golden = join(root, "tests", "golden", "cases", preset, "expected");
      const checked = ["Dockerfile", ".dockerignore", "docker-compose.yml", "env.example", "Makefile"].filter((f) => existsSync(join(golden, f)));
      log(`tool: ${preset}`);
      const init = await sample(`init --preset ${preset} --yes --dry-run`, runs, () => measureProcess("node", [cli, "init", dir, "--preset", preset, "--yes", "--dry-run"]));
      const detect = await sample(`detect`, runs, () => measureProcess("node", [cli, "detect", dir]));
      const checkRow = check.available
        ? await sample(`check (golden output, ${checked.length} files)`, runs, () => measureProcess("node", [cli, "check", ...checked], { cwd: golden }))
        : { command: "check", available: false, reason: check.reason };
      rows.push({ preset, init, detect, check: checkRow });
    }
    const peer = await benchPeer({ root, cli, work, runs, log });
    return { runs, warmupRuns: 1, targetMs: TOOL_TARGET_MS, rows, peer, verdict: toolVerdict(rows, peer) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Both generators write their files into a fresh copy of the same app each run (the
 * copy is not timed): @flydotio/dockerfile has no dry run, and it records its options in
 * package.json, so a reused folder would not be a cold start for it.
 */
async function benchPeer({ root, cli, work, runs, log }) {
  const bin = join(root, "node_modules", PEER_PACKAGE, "index.js");
  if (!existsSync(bin)) return { available: false, reason: `${PEER_PACKAGE} is not installed (npm ci installs it as a devDependency)` };
  const app = loadApp(root, PEER_FIXTURE);
  let n = 0;
  const fresh = () => copyApp(app.dir, join(work, `peer-${n++}`));
  log(`tool: ${PEER_PACKAGE} beside init on ${PEER_FIXTURE}`);
  let written = {};
  const timed = (name, args) => async () => {
    const dir = fresh();
    const before = new Set(readdirSync(dir));
    const r = await measureProcess("node", args, { cwd: dir });
    written[name] = readdirSync(dir).filter((f) => !before.has(f)).sort();
    return r;
  };
  const peer = await sample(`${PEER_PACKAGE} --force`, runs, timed("peer", [bin, "--force"]));
  const ours = await sample(`init --preset ${PEER_FIXTURE} --yes --force`, runs, timed("ours", [cli, "init", "--preset", PEER_FIXTURE, "--yes", "--force"]));
  return { available: true, fixture: PEER_FIXTURE, peer, ours, filesWritten: written, wallRatio: ratio(ours.wallMs, peer.wallMs), cpuRatio: ratio(ours.cpuMs, peer.cpuMs) };
}

function toolVerdict(rows, peer) {
  const measured = rows.flatMap((r) => [r.init, r.detect, r.check]).filter((c) => typeof c.wallMs === "number");
  const slowest = measured.reduce((a, b) => (b.wallMs > (a?.wallMs ?? -1) ? b : a), null);
  return {
    allUnderTarget: measured.every((c) => c.wallMs < TOOL_TARGET_MS),
    slowestMedianMs: slowest?.wallMs ?? null,
    medianOfMediansMs: median(measured.map((c) => c.wallMs)),
    notSlowerThanPeer: peer.available ? peer.ours.wallMs <= peer.peer.wallMs : null,
  };
}
