// The three Dockerfiles built from the same app: ours (init --preset <p> --yes), the naive
// one people commit, and the one docker init writes (bench/baselines/<language>/). Each
// is built from its own copy of one working copy made to look like a developer's checkout:
// a git repository, a local .env, and the dependencies installed on the host
// (node_modules, or a .venv), which is what a .dockerignore is there to keep out.
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { must, run } from "./lib/measure.mjs";

export const VARIANTS = ["ours", "naive", "docker-init"];

/** {{NAME}} placeholders; a name without a value is an error, not an empty string. */
export function fillTemplate(text, values) {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (values[name] === undefined) throw new Error(`bench baseline: no value for {{${name}}}`);
    return values[name];
  });
}

function baselineValues(app) {
  return {
    RUNTIME_VERSION: app.runtimeVersion,
    PORT: String(app.port),
    CMD_EXEC: JSON.stringify(app.start),
    CMD_SHELL: app.start.join(" "),
    BUILD_OUTPUT: app.buildOutput ?? "",
    BUILD_STEP: app.build ? `RUN ${app.build}` : "",
    BINARY: app.binary ?? "",
  };
}

/**
 * The baseline files of a variant: { Dockerfile, .dockerignore? } as text. docker init's
 * .dockerignore is its generic list (Python's) for a language without one of its own:
 * Docker's guides print only the Python and Node.js ones.
 */
export function baselineFiles(root, app, variant) {
  const baselines = join(root, "bench", "baselines");
  const dir = join(baselines, app.language);
  const read = (file) => fillTemplate(readFileSync(file, "utf8"), baselineValues(app));
  if (variant === "naive") return { Dockerfile: read(join(dir, "naive.Dockerfile")) };
  const dockerfile = app.build && existsSync(join(dir, "docker-init-build.Dockerfile")) ? "docker-init-build.Dockerfile" : "docker-init.Dockerfile";
  const ignore = existsSync(join(dir, "docker-init.dockerignore")) ? join(dir, "docker-init.dockerignore") : join(baselines, "python", "docker-init.dockerignore");
  return { Dockerfile: read(join(dir, dockerfile)), ".dockerignore": read(ignore) };
}

const LOCAL_ENV = "# A developer's local settings (fake values written by the benchmark).\nAPI_TOKEN=bench-fake-token-not-a-secret\n";
const HEAVY = ["node_modules", ".venv"];

/** The shared working copy: the example app plus the state a developer's checkout has. */
async function makeCheckout(app, dest, log) {
  cpSync(app.dir, dest, { recursive: true, filter: (p) => !/node_modules|\.next|\/dist$/.test(p) });
  writeFileSync(join(dest, ".env"), LOCAL_ENV);
  if (app.language === "node") {
    log(`  ${app.preset}: npm ci on the host (the developer's node_modules)`);
    await must("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: dest, timeoutMs: 15 * 60_000 });
  }
  if (app.language === "python") {
    // A project virtualenv, as `python -m venv .venv` leaves it (pip and setuptools inside).
    // Without a python3 on the host, the lab's python image makes it, so that the naive
    // image (and the size guard) does not depend on what the host has installed.
    let r = await run("python3", ["-m", "venv", ".venv"], { cwd: dest, timeoutMs: 120_000 }).catch((err) => ({ code: 1, out: String(err) }));
    if (r.code !== 0) {
      log(`  ${app.preset}: no python3 on the host; making .venv with python:${app.runtimeVersion}-slim`);
      r = await run("docker", ["run", "--rm", "-v", `${dest}:/src`, "-w", "/src", `python:${app.runtimeVersion}-slim`, "python", "-m", "venv", ".venv"], { timeoutMs: 300_000 });
    }
    if (r.code !== 0) throw new Error(`could not make the working copy's .venv:\n${r.out.slice(-1000)}`);
  }
  const git = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"];
  await must("git", ["init", "-q"], { cwd: dest });
  // The usual ignores, kept in .git/info/exclude so the app's own files stay as they are.
  writeFileSync(join(dest, ".git", "info", "exclude"), [...HEAVY, ".env", ""].join("\n"));
  await must("git", [...git, "add", "-A"], { cwd: dest });
  await must("git", [...git, "commit", "-q", "-m", "the example app"], { cwd: dest });
}

/** Bytes of the regular files under `path` (symlinks not followed). */
export function treeBytes(path) {
  if (!existsSync(path)) return 0;
  const st = lstatSync(path);
  if (!st.isDirectory()) return st.isFile() ? st.size : 0;
  return readdirSync(path).reduce((sum, name) => sum + treeBytes(join(path, name)), 0);
}

/** What the working copy holds: the app's own files, .git, and the host-installed dependencies. */
function describeCheckout(dir) {
  const deps = Object.fromEntries(HEAVY.filter((h) => existsSync(join(dir, h))).map((h) => [h, treeBytes(join(dir, h))]));
  const all = treeBytes(dir);
  const git = treeBytes(join(dir, ".git"));
  const depsTotal = Object.values(deps).reduce((a, b) => a + b, 0);
  return { appBytes: all - git - depsTotal, gitBytes: git, deps };
}

/** A variant's own copy: small files copied, the heavy dependency folders hard-linked. */
async function copyCheckout(src, dest) {
  mkdirSync(dest, { recursive: true });
  cpSync(src, dest, { recursive: true, filter: (p) => !HEAVY.some((h) => p === join(src, h)) });
  for (const h of HEAVY) if (existsSync(join(src, h))) await must("cp", ["-al", join(src, h), join(dest, h)]);
}

/** One folder per variant under `work`, each ready for `docker build .`. */
export async function prepareVariants({ root, app, work, log }) {
  // Folders are named after the app: detection (and so our image's title) reads the name.
  const checkout = join(work, "checkout", app.preset);
  await makeCheckout(app, checkout, log);
  const dirs = { checkout: describeCheckout(checkout) };
  for (const variant of VARIANTS) {
    const dir = join(work, variant, app.preset);
    await copyCheckout(checkout, dir);
    if (variant === "ours") {
      await must("node", [join(root, "dist", "cli", "main.js"), "init", "--preset", app.preset, "--yes"], { cwd: dir });
    } else {
      for (const [name, text] of Object.entries(baselineFiles(root, app, variant))) writeFileSync(join(dir, name), text);
    }
    dirs[variant] = dir;
  }
  return dirs;
}
