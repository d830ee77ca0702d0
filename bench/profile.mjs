#!/usr/bin/env node
// Where a CLI run spends its time: `node bench/profile.mjs init <dir> --preset p --yes --dry-run`
// runs `dist/cli/main.js` with V8's CPU profiler and prints self time grouped by package
// (dependencies) or file (ours), and which packages were loaded at all. Used to find what
// to load lazily (HOUSE-STYLE habit 13); bench/README.md records what it found.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { SourceMap } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
if (!args.length) {
  console.error("usage: node bench/profile.mjs <docker-scaffold arguments>");
  process.exit(2);
}

// The executable is a bundle (src/bundle.ts): a frame in dist/cli/ is mapped back through
// the bundle's source map to the module it came from (src/… or a package).
const maps = new Map();
function original(url, line, column) {
  const file = url.replace(/^file:\/\//, "");
  if (!file.startsWith(join(ROOT, "dist", "cli"))) return url;
  if (!maps.has(file)) maps.set(file, existsSync(`${file}.map`) ? { dir: dirname(file), map: new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8"))) } : null);
  const m = maps.get(file);
  const entry = m?.map.findEntry(line, column);
  return entry?.originalSource ? resolve(m.dir, entry.originalSource.replace(/^file:\/\//, "")) : url;
}

/** "node_modules/@scope/pkg/..." -> "@scope/pkg"; our files relative to the repository. */
function owner(url) {
  if (!url) return "(native)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith("node:")) return "(node internals)";
  return url.replace(/^file:\/\//, "").replace(`${ROOT}/`, "");
}

const dir = mkdtempSync(join(tmpdir(), "bench-prof-"));
try {
  const r = spawnSync("node", ["--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-interval", "100", join(ROOT, "dist", "cli", "main.js"), ...args], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) console.error(`(the command exited ${r.status})`);
  const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), "utf8"));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byOwner = new Map();
  const loaded = new Set();
  for (const node of profile.nodes) {
    const url = original(node.callFrame.url, node.callFrame.lineNumber, node.callFrame.columnNumber);
    const who = owner(url);
    if (/node_modules/.test(url)) loaded.add(who);
    byOwner.set(who, (byOwner.get(who) ?? 0) + (selfUs.get(node.id) ?? 0));
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  console.log(`docker-scaffold ${args.join(" ")}: ${total.toFixed(0)} ms profiled\n`);
  for (const [who, us] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${who}`);
  console.log(`\npackages that ran code: ${[...loaded].sort().join(", ") || "none"}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
