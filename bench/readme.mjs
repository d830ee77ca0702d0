#!/usr/bin/env node
// The README's benchmark block, generated from a committed report so that its numbers are
// the machine's, never typed in: `node bench/readme.mjs bench/results/example-full.json`
// rewrites the block between the markers; tests/unit/bench-readme.test.ts fails when the
// README and the report it names disagree.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fmtMs, fmtRatio, summaryTable } from "./report.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const BEGIN = /<!-- bench:begin from (\S+) -->/;
export const END = "<!-- bench:end -->";

function toolLine(t) {
  const med = (key) => fmtMs(medianOf(t.rows.map((r) => r[key]).filter((c) => typeof c.wallMs === "number").map((c) => c.wallMs)));
  const check = t.rows.some((r) => typeof r.check.wallMs === "number") ? `, \`check\` ${med("check")}` : ", `check` not measured (not in that build)";
  const peer = t.peer.available
    ? ` Beside @flydotio/dockerfile on the same Express app: ${fmtMs(t.peer.ours.wallMs)} against ${fmtMs(t.peer.peer.wallMs)} (${fmtRatio(t.peer.wallRatio)}), writing ${(t.peer.filesWritten.ours ?? []).length} files against its ${(t.peer.filesWritten.peer ?? []).length}.`
    : "";
  return `The tool, one cold process per run (median over presets of each command's median): \`init --dry-run\` ${med("init")}, \`detect\` ${med("detect")}${check}; target under ${t.targetMs} ms ${t.verdict.allUnderTarget ? "met" : `not met (slowest ${fmtMs(t.verdict.slowestMedianMs)})`}.${peer}`;
}

function medianOf(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The generated part of the README for a report found at `source` (repository-relative). */
export function readmeBlock(report, source) {
  const m = report.machine;
  const lines = [`<!-- bench:begin from ${source} -->`, ""];
  lines.push(
    `Measured by \`${report.command}\` on ${m.date.slice(0, 10)} (${m.host.cpus} × ${m.host.cpu}, load average ${m.host.loadAverageAtStart[0]} at start; ${m.engine ? "container lab: podman, Buildah, stand-in base images" : "no container engine"}). Full report: [${source.replace(/\.json$/, ".md")}](${source.replace(/\.json$/, ".md")}).`,
    "",
  );
  if (report.containers) {
    lines.push(summaryTable(report.containers), "");
    const notBuilt = Object.keys(report.containers.notBuilt ?? {});
    if (notBuilt.length) lines.push(`Not built here, the tool timed only: ${notBuilt.join(", ")} (the report says why).`, "");
    const failed = report.containers.presets.filter((p) => !p.guard.passed);
    if (failed.length) lines.push(`Guard failures: ${failed.map((p) => `${p.preset}: ${p.guard.failures.join("; ").replace(/:$/, "")}`).join(" · ")} (bench/README.md, "Known results").`, "");
  }
  if (report.tool) lines.push(toolLine(report.tool), "");
  lines.push(END);
  return lines.join("\n");
}

/** README text with its block replaced (the markers must already be there). */
export function replaceBlock(readme, block) {
  const begin = BEGIN.exec(readme);
  const end = readme.indexOf(END);
  if (!begin || end < begin.index) throw new Error("README.md has no <!-- bench:begin from ... --> ... <!-- bench:end --> block");
  return readme.slice(0, begin.index) + block + readme.slice(end + END.length);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = resolve(process.argv[2] ?? join(ROOT, "bench", "results", "example-full.json"));
  const source = relative(ROOT, file).split("\\").join("/");
  const readmePath = join(ROOT, "README.md");
  const report = JSON.parse(readFileSync(file, "utf8"));
  writeFileSync(readmePath, replaceBlock(readFileSync(readmePath, "utf8"), readmeBlock(report, source)));
  process.stderr.write(`README.md: benchmark block from ${source}\n`);
}
