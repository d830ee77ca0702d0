// A report (the JSON bench/run.mjs writes) as Markdown: the full report, and the summary
// block the README shows. Only formats numbers; never computes or rounds a verdict.
import { VARIANTS } from "./variants.mjs";

const LABEL = { ours: "docker-scaffold", naive: "naive", "docker-init": "docker init" };

export const fmtMs = (ms) => (typeof ms !== "number" ? "–" : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
export const fmtBytes = (b) =>
  typeof b !== "number" ? "–" : b >= 1e6 ? `${(b / 1e6).toFixed(b >= 1e8 ? 0 : 1)} MB` : b >= 1e3 ? `${(b / 1e3).toFixed(1)} kB` : `${b} B`;
export const fmtRatio = (r) => (typeof r !== "number" ? "–" : `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}×`);
const fmtMiB = (m) => (typeof m !== "number" ? "–" : `${m.toFixed(0)} MiB`);
const yesNo = (v) => (v === true ? "yes" : v === false ? "no" : "–");

const row = (cells) => `| ${cells.join(" | ")} |`;
const table = (head, rows) => [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");

function machineSection(m) {
  const v = Object.entries(m.versions).map(([k, val]) => `${k} ${val ?? "n/a"}`).join(", ");
  return [
    `Measured ${m.date} on ${m.host.os}, ${m.host.cpus} × ${m.host.cpu}, ${m.host.memoryGiB} GiB` +
      ` (load average ${m.host.loadAverageAtStart.join(" / ")} at start, ${m.host.loadAverageAtEnd.join(" / ")} at end; ${m.host.ci ? "CI" : "not CI"}; took ${m.durationS} s).`,
    `Versions: ${v}.`,
    m.engine ? `Engine: ${m.engine}.` : "",
  ].filter(Boolean).join("\n");
}

const cmdCell = (c) => (c.available === false ? "not available" : `${fmtMs(c.wallMs)} (CPU ${fmtMs(c.cpuMs)}, ${fmtMiB(c.peakRssMiB)})${c.error ? " FAILED" : ""}`);

function toolSection(t) {
  const lines = [
    `## The tool`,
    "",
    `Median of ${t.runs} cold processes each (after ${t.warmupRuns} warm-up run): wall time, CPU time (user + system) and peak resident memory.`,
    "",
    table(["preset", "`init --preset <p> --yes --dry-run`", "`detect`", "`check` (golden output)"], t.rows.map((r) => [r.preset, cmdCell(r.init), cmdCell(r.detect), cmdCell(r.check)])),
    "",
  ];
  const unavailable = t.rows.find((r) => r.check.available === false);
  if (unavailable) lines.push(`\`check\`: ${unavailable.check.reason}.`, "");
  lines.push(
    `Target: every median under ${t.targetMs} ms — ${t.verdict.allUnderTarget ? "met" : "not met"} (slowest median ${fmtMs(t.verdict.slowestMedianMs)}, median of medians ${fmtMs(t.verdict.medianOfMediansMs)}).`,
    "",
  );
  const p = t.peer;
  if (!p.available) lines.push(`Peer: not measured: ${p.reason}.`, "");
  else {
    lines.push(
      `### Beside a peer generator: @flydotio/dockerfile on ${p.fixture}`,
      "",
      `Each run writes into a fresh copy of the app (the copy is not timed); both bins are started with \`node <bin>\`, as \`npx\` would after resolving the package.`,
      "",
      table(
        ["generator", "command", "median wall", "median CPU", "peak memory", "files written"],
        [
          ["docker-scaffold", `\`${p.ours.command}\``, fmtMs(p.ours.wallMs), fmtMs(p.ours.cpuMs), fmtMiB(p.ours.peakRssMiB), (p.filesWritten.ours ?? []).join(", ")],
          ["@flydotio/dockerfile", `\`${p.peer.command}\``, fmtMs(p.peer.wallMs), fmtMs(p.peer.cpuMs), fmtMiB(p.peer.peakRssMiB), (p.filesWritten.peer ?? []).join(", ")],
        ],
      ),
      "",
      `docker-scaffold ÷ peer: wall ${fmtRatio(p.wallRatio)}, CPU ${fmtRatio(p.cpuRatio)} — target "no slower than the peer" ${t.verdict.notSlowerThanPeer ? "met" : "not met"}.`,
      "",
    );
  }
  return lines.join("\n");
}

const METRIC_ROWS = [
  ["final image size", "imageBytes", fmtBytes],
  ["cold build (`--no-cache`)", "coldBuildMs", fmtMs],
  ["rebuild after a one-line source change", "rebuildMs", fmtMs],
  ["build context sent", "contextBytes", fmtBytes],
  ["start → HTTP 200 on the health path", "startToHttpMs", fmtMs],
  ["`docker stop -t 10`", "stopMs", fmtMs],
];

/** The first line of an error and the first line of its output that names the cause. */
export function errorSummary(text) {
  const [first, ...rest] = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const cause = rest.find((l) => /^(\w*Error\b|Traceback|Error response|ERROR|error:)/.test(l) && !/^throw /.test(l));
  return [first, cause].filter(Boolean).map((l) => `\`${l.replace(/`/g, "'").slice(0, 200)}\``).join(" — ");
}

function presetSection(p, runs) {
  const v = p.variants;
  const cell = (variant, f, key) => (v[variant].error ? "failed" : f(v[variant][key]));
  const rows = METRIC_ROWS.map(([label, key, f]) => [label, ...VARIANTS.map((x) => cell(x, f, key)), fmtRatio(p.ratios.naive[key]), fmtRatio(p.ratios["docker-init"][key])]);
  const fact = (label, f) => [label, ...VARIANTS.map((x) => (v[x].error ? "failed" : f(v[x]))), "", ""];
  rows.push(
    fact("dependency install re-ran on that rebuild", (x) => yesNo(x.installReran)),
    fact("exit code on `docker stop` (137: killed)", (x) => x.stopExitCodes.join(", ")),
    fact("start → its own HEALTHCHECK passes", (x) => (x.hasHealthcheck ? fmtMs(x.startToHealthyMs) : "no HEALTHCHECK")),
    fact("runs as", (x) => `\`${x.user}\``),
    fact("local `.env` / `.git` in the image", (x) => `${yesNo(x.envFileInImage)} / ${yesNo(x.gitInImage)}`),
  );
  const errors = VARIANTS.filter((x) => v[x].error).map((x) => `- ${LABEL[x]} failed: ${errorSummary(v[x].error)}`);
  const c = p.checkout;
  const deps = Object.entries(c.deps).map(([name, bytes]) => `, \`${name}\` ${fmtBytes(bytes)}`).join("");
  return [
    `### ${p.preset}`,
    "",
    `Working copy: ${fmtBytes(c.appBytes)} of app files, \`.git\` ${fmtBytes(c.gitBytes)}${deps} (the naive Dockerfile sends and copies all of it).`,
    "",
    table(["", ...VARIANTS.map((x) => LABEL[x]), "÷ naive", "÷ docker init"], rows),
    "",
    ...errors,
    `Regression guard: ${p.guard.passed ? "passed" : `FAILED — ${p.guard.failures.join("; ")}`}.`,
    "",
  ].join("\n");
}

function containersSection(c) {
  return [
    `## The output, in the container lab`,
    "",
    `Medians of ${c.runs} run${c.runs > 1 ? "s" : ""} per Dockerfile. Ratios are docker-scaffold ÷ baseline (below 1 is better for us), from medians of this same run.`,
    "",
    summaryTable(c),
    "",
    ...Object.entries(c.notBuilt ?? {}).map(([preset, why]) => `Not built: ${preset} (${why}).\n`),
    ...c.presets.map((p) => presetSection(p, c.runs)),
  ].join("\n");
}

/** One line per preset: each ratio against both baselines. */
export function summaryTable(c) {
  const pair = (p, key) => `${fmtRatio(p.ratios.naive[key])} / ${fmtRatio(p.ratios["docker-init"][key])}`;
  return table(
    ["preset", "image size", "cold build", "rebuild (1-line change)", "build context", "start → HTTP 200", "`docker stop`", "guard"],
    c.presets.map((p) => [
      p.preset,
      ...METRIC_ROWS.map(([, key, f]) => `${pair(p, key)}${key === "imageBytes" && !p.variants.ours.error ? ` (${f(p.variants.ours[key])})` : ""}`),
      p.guard.passed ? "pass" : "FAIL",
    ]),
  ) + "\n\nEach cell: docker-scaffold ÷ naive / docker-scaffold ÷ docker init (below 1 is better for docker-scaffold); our image's size in brackets.";
}

export const METHOD = `## How it is measured

- **Tool**: \`node dist/cli/main.js …\` as a new process per run, timed from spawn to exit; CPU time and peak memory from GNU time. \`init\` and \`detect\` run on a copy of each preset's example app (\`tests/e2e/apps/<preset>\`), \`check\` on the preset's golden output.
- **Working copy**: each preset's example app as a developer has it: a git repository, a local \`.env\`, and the dependencies installed on the host (\`node_modules\` from \`npm ci\`, or a \`.venv\`). The three Dockerfiles are built from copies of that same working copy.
- **Baselines**: *naive* is the single-stage Dockerfile people commit (\`FROM <lang>\`, \`COPY . .\`, install, run as root, no .dockerignore); *docker init* is what \`docker init\` writes for the language, adapted only where the lab requires (every change is marked \`lab:\` in \`bench/baselines/\`).
- **Cold build**: the previous image removed, then \`docker build --no-cache\`, which uses no cached layer (the layers each build made are removed once a Dockerfile is done). Base images (stand-ins) stay, as they would after one pull; so do the package-manager cache mounts (\`RUN --mount=type=cache\`), which the lab shares between all builds — a first build on a fresh machine would be slower for the two Dockerfiles that use them (ours and docker init's).
- **Rebuild**: after the cold build, one build with the cache and no change (not timed: the lab's cache holds identical layers left by other builds, and Buildah may follow one of their chains rather than the cold build's; this settles it, as a developer's previous build does); then one comment line appended to one source file and \`docker build\` with the cache, timed. Its log says whether the dependency install step was re-run.
- **Build context**: the size the docker CLI reports sending ("Sending build context to Docker daemon"), after \`.dockerignore\`.
- **Start → healthy**: from \`docker run -d\` to the first HTTP 200 on the preset's health path through the published port (polled every 100 ms) — the same probe for every image, since the baselines have no HEALTHCHECK; for images that have one, also to the first passing run of it (\`podman healthcheck run\`).
- **Stop**: wall time of \`docker stop -t 10\` and the exit code (137: the process ignored SIGTERM and was killed after 10 s).
- **Guard** (exit 1): our image larger than the naive one, or a source-only rebuild that re-runs the dependency install.
- **Stand-ins**: the lab's base images are made from Debian packages, one per language whatever the tag: \`python:3.12\` and \`python:3.12-slim\` are the same image here (Docker Hub's full images are several times larger than the slim ones), and Alpine is replaced by Debian slim. Sizes compare Dockerfiles built on the same stand-ins, not real registry images.
`;

export function renderReport(r) {
  return [
    `# docker-scaffold benchmark (${r.mode} run)`,
    `Reproduce with \`${r.command}\` (needs ../shared/container-lab for the container part). Every number below was measured by that command on this machine; none is typed in.`,
    machineSection(r.machine),
    r.tool ? toolSection(r.tool) : null,
    r.containers ? containersSection(r.containers) : null,
    METHOD,
  ]
    .filter((section) => section !== null)
    .map((section) => section.trim())
    .join("\n\n") + "\n";
}
