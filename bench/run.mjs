#!/usr/bin/env node
// `npm run bench`: measures the tool and what it produces beside the baselines, and writes
// bench/results/latest.json and latest.md. Exits 1 when the regression guard fails (our
// image larger than the naive one, or a source-only rebuild re-running the install).
//
//   node bench/run.mjs                 full: every preset, tool x5, containers x3 (the
//                                      presets that can be built here: bench/apps.mjs)
//   node bench/run.mjs --short         CI: tool x3 for every preset, containers x1 for
//                                      python-fastapi and node-express
//   --only tool|containers   --presets a,b   --tool-runs N   --runs N   --out DIR   --keep
//   node bench/run.mjs --render bench/results/example-full.json   re-render a report's .md
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTAINER_PRESETS, NOT_BUILT, PRESETS } from "./apps.mjs";
import { benchContainers } from "./containers.mjs";
import { describeMachine, describeSource, loadAverageNow } from "./lib/machine.mjs";
import { HAS_GNU_TIME, run } from "./lib/measure.mjs";
import { renderReport } from "./report.mjs";
import { benchTool } from "./tool.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// CI's short run: one Python and one Node.js preset. node-express is the tightest size guard:
// its base is the same stand-in as the naive node:22, so only what each Dockerfile adds counts
// (it failed by 0.4% before tini became the 27 kB dynamic binary and the setuid binaries were
// deleted instead of chmod-ed; bench/README.md, "Known results").
const SHORT_PRESETS = ["python-fastapi", "node-express"];

export function parseArgs(argv) {
  const short = argv.includes("--short");
  const opts = {
    mode: short ? "short" : "full",
    only: null,
    presets: short ? SHORT_PRESETS : CONTAINER_PRESETS,
    toolRuns: short ? 3 : 5,
    runs: short ? 1 : 3,
    out: join(ROOT, "bench", "results"),
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (argv[i + 1] === undefined) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--short") continue;
    else if (a === "--only") opts.only = value();
    else if (a === "--presets") opts.presets = value().split(",").filter(Boolean);
    else if (a === "--tool-runs") opts.toolRuns = Number(value());
    else if (a === "--runs") opts.runs = Number(value());
    else if (a === "--out") opts.out = resolve(value());
    else if (a === "--keep") opts.keep = true;
    else throw new Error(`unknown option ${a} (see the head of bench/run.mjs)`);
  }
  if (opts.only && !["tool", "containers"].includes(opts.only)) throw new Error("--only takes tool or containers");
  const unknown = opts.presets.filter((p) => !PRESETS.includes(p));
  if (unknown.length) throw new Error(`unknown preset ${unknown.join(", ")} (known: ${PRESETS.join(", ")})`);
  const unbuildable = opts.only === "tool" ? [] : opts.presets.filter((p) => NOT_BUILT[p]);
  if (unbuildable.length) throw new Error(`${unbuildable.map((p) => `${p}'s images cannot be built here: ${NOT_BUILT[p]}`).join("; ")} (use --only tool)`);
  if (!(opts.toolRuns >= 1 && opts.runs >= 1)) throw new Error("--tool-runs and --runs take a number >= 1");
  return opts;
}

/** `--render report.json`: the Markdown of a report written again, next to it (no measuring). */
function renderOnly(file) {
  const out = file.replace(/\.json$/, ".md");
  writeFileSync(out, renderReport(JSON.parse(readFileSync(file, "utf8"))));
  process.stderr.write(`bench: wrote ${out}\n`);
  return 0;
}

async function main() {
  const renderAt = process.argv.indexOf("--render");
  if (renderAt >= 0) return renderOnly(resolve(process.argv[renderAt + 1] ?? ""));
  const opts = parseArgs(process.argv.slice(2));
  const log = (line) => process.stderr.write(`bench: ${line}\n`);
  const withContainers = opts.only !== "tool";
  log(`${opts.mode} run; building the CLI`);
  const built = await run("npm", ["run", "build", "--silent"], { cwd: ROOT });
  if (built.code !== 0) throw new Error(`npm run build failed:\n${built.out}`);
  if (!HAS_GNU_TIME) log("/usr/bin/time is missing: CPU time and peak memory are not recorded (apt-get install time)");

  const args = process.argv.slice(2);
  const report = { mode: opts.mode, command: `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`, machine: null, tool: null, containers: null };
  const started = Date.now();
  const loadAtStart = loadAverageNow();
  const source = await describeSource(ROOT);
  if (opts.only !== "containers") report.tool = await benchTool({ root: ROOT, presets: PRESETS, runs: opts.toolRuns, log });
  if (withContainers) {
    report.containers = await benchContainers({ root: ROOT, presets: opts.presets, runs: opts.runs, keep: opts.keep, log });
    report.containers.notBuilt = NOT_BUILT;
  }
  // Versions are read after the lab is up (podman and buildah are installed by it).
  report.machine = await describeMachine(ROOT, { lab: withContainers, source });
  report.machine.date = new Date(started).toISOString();
  report.machine.host.loadAverageAtStart = loadAtStart;
  report.machine.host.loadAverageAtEnd = loadAverageNow();
  report.machine.durationS = Math.round((Date.now() - started) / 1000);

  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  const md = renderReport(report);
  writeFileSync(join(opts.out, "latest.md"), md);
  process.stdout.write(md);
  log(`wrote ${join(opts.out, "latest.json")} and latest.md`);
  if (report.containers && !report.containers.passed) {
    log("regression guard FAILED:");
    for (const p of report.containers.presets) for (const f of p.guard.failures) log(`  ${p.preset}: ${f}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => (process.exitCode = code),
    (err) => {
      process.stderr.write(`bench: ${err.stack ?? err}\n`);
      process.exitCode = 2;
    },
  );
}
