// The machine and the versions a report was measured with, so two reports can be
// told apart (and a number is never read without knowing where it came from).
import { readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { run } from "./measure.mjs";

async function version(cmd, args, pattern = /(\d+\.\d+[\w.+-]*)/) {
  try {
    const r = await run(cmd, args, { timeoutMs: 15_000 });
    if (r.code !== 0) return null;
    return pattern.exec(r.out)?.[1] ?? r.out.trim().split("\n")[0] ?? null;
  } catch {
    return null;
  }
}

function packageVersion(root, name) {
  try {
    return JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

/** The code under test, read when the run starts: version, commit, and whether it differs from it. */
export async function describeSource(root) {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const git = await run("git", ["rev-parse", "--short", "HEAD"], { cwd: root });
  const dirty = await run("git", ["status", "--porcelain", "--", "src", "templates", "presets", "bench", "package.json"], { cwd: root });
  return `${pkg.version} (${git.code === 0 ? git.stdout.trim() : "no git"}${dirty.stdout.trim() ? ", uncommitted changes" : ""})`;
}

/** Read after the run (podman and buildah come with the lab); run.mjs adds the start time, load and source. */
export async function describeMachine(root, { lab, source }) {
  const cpus = os.cpus();
  const out = {
    host: {
      os: `${os.type()} ${os.release()} (${os.arch()})`,
      cpu: cpus[0]?.model.trim() ?? "unknown",
      cpus: cpus.length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      ci: Boolean(process.env.CI),
    },
    versions: {
      "docker-scaffold": source,
      node: process.version,
      npm: await version("npm", ["--version"]),
      "@flydotio/dockerfile": packageVersion(root, "@flydotio/dockerfile"),
    },
  };
  if (lab) {
    Object.assign(out.versions, {
      "docker client": await version("docker", ["version", "--format", "{{.Client.Version}}"]),
      podman: await version("podman", ["--version"]),
      buildah: await version("buildah", ["--version"]),
      "docker-compose": await version("docker-compose", ["--version"]),
    });
    out.engine = "container lab: podman behind the Docker API, classic builder (DOCKER_BUILDKIT=0, Buildah); base images are stand-ins built from Debian packages";
  }
  return out;
}

/** Called at the end, so a report shows whether the machine was busy while it ran. */
export function loadAverageNow() {
  return os.loadavg().map((l) => Math.round(l * 100) / 100);
}
