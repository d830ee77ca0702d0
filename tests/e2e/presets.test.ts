// End-to-end, in the container lab: for every built-in preset, a small real app is
// scaffolded with `init --preset <name> --yes` (the built executable), started with the
// generated Makefile's compose-up, and probed from outside: HTTP on the published port,
// its own HEALTHCHECK, non-root uid, read-only root, no capabilities, app files it
// cannot write, a prompt stop on SIGTERM, and a source-only rebuild that reuses the
// dependency layer.
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, appendFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadPreset } from "../../src/presets/load-preset.js";
import { CLI, LAB_DIR, containerPid, containerRoot, must, processIdentity, sh, stepsCached, waitForHttp } from "./lab.js";

interface E2eCase {
  preset: string;
  /** The app under tests/e2e/apps (default: the preset's name). */
  app?: string;
  /** More init arguments (a variant of the preset). */
  args?: string[];
  /** Name of the case (default: the preset's name). */
  name?: string;
  /** The one source file a source-only change touches (see the app's README). */
  touch: string;
  /** The dependency install step, which a source-only change must not re-run. */
  install: RegExp;
  /** A runtime in the final image to try a write with (null: distroless static, no runtime). */
  writer: string[] | null;
}

const CASES: E2eCase[] = [
  { preset: "python-flask", touch: "app.py", install: /pip install -r requirements\.txt/, writer: ["python", "-c", "open('/app/written-by-app','w')"] },
  { preset: "python-fastapi", touch: "app/main.py", install: /pip install -r requirements\.txt/, writer: ["python", "-c", "open('/app/written-by-app','w')"] },
  { preset: "python-django", touch: "web/views.py", install: /pip install -r requirements\.txt/, writer: ["python", "-c", "open('/app/written-by-app','w')"] },
  { preset: "node-express", touch: "src/server.js", install: /npm ci --omit=dev/, writer: ["node", "-e", "require('fs').writeFileSync('/app/written-by-app','')"] },
  { preset: "node-fastify", touch: "src/server.ts", install: /npm ci --omit=dev/, writer: ["/nodejs/bin/node", "-e", "require('fs').writeFileSync('/app/written-by-app','')"] },
  { preset: "node-nestjs", touch: "src/main.ts", install: /npm ci --omit=dev/, writer: ["node", "-e", "require('fs').writeFileSync('/app/written-by-app','')"] },
  { preset: "node-nextjs", touch: "app/page.js", install: /npm ci --no-audit/, writer: ["node", "-e", "require('fs').writeFileSync('/app/written-by-app','')"] },
  { preset: "go-http", touch: "main.go", install: /go mod download/, writer: null },
  // Package-manager and base variants of the presets.
  { name: "node-express-pnpm", preset: "node-express", app: "node-express-pnpm", args: ["--package-manager", "pnpm"], touch: "src/server.js", install: /pnpm install --frozen-lockfile --prod/, writer: ["node", "-e", "require('fs').writeFileSync('/app/written-by-app','')"] },
  { name: "node-nestjs-yarn", preset: "node-nestjs", app: "node-nestjs-yarn", args: ["--package-manager", "yarn"], touch: "src/main.ts", install: /yarn install --frozen-lockfile --non-interactive --production/, writer: ["node", "-e", "require('fs').writeFileSync('/app/written-by-app','')"] },
  { name: "go-slim", preset: "go-http", app: "go-http", args: ["--base", "slim", "--uid", "10001"], touch: "main.go", install: /go mod download/, writer: null },
];

/**
 * Variants the lab cannot build, reported as skipped with the reason (never counted as passing):
 * their goldens are still checked by the unit project.
 */
const UNBUILDABLE = [
  { name: "python-poetry", reason: "Poetry resolves and installs from PyPI, which the lab cannot reach (it does not read PIP_FIND_LINKS)" },
  { name: "python-uv", reason: "uv is copied from ghcr.io/astral-sh/uv, and uv installs from PyPI: neither is reachable from the lab" },
];
for (const u of UNBUILDABLE) it.skip(`e2e ${u.name}: not buildable in the container lab: ${u.reason}`, () => {});

const APPS = join(process.cwd(), "tests", "e2e", "apps");

describe.each(CASES.map((c, i) => ({ ...c, name: c.name ?? c.preset, hostPort: 18100 + i })))("e2e $name", (c) => {
  const preset = loadPreset(c.preset, process.cwd());
  const presetAnswers = preset.answers as { port: number; healthPath: string | null; uid: number; gid: number };
  // --uid in the variant's arguments overrides the preset's uid (and gid).
  const uidArg = c.args?.indexOf("--uid") ?? -1;
  const uid = uidArg >= 0 ? Number(c.args![uidArg + 1]) : presetAnswers.uid;
  const answers = { ...presetAnswers, uid, gid: uidArg >= 0 ? uid : presetAnswers.gid };
  let dir = "";
  let id = "";
  let pid = 0;
  let service = "";
  // A compose project name of its own: other runs on this machine (another checkout, a
  // benchmark) may scaffold an app in a folder of the same name.
  const compose = { COMPOSE_PROJECT_NAME: `dse2e-${c.name}-${process.pid}` };

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), "ds-e2e-")), c.name);
    cpSync(join(APPS, c.app ?? c.preset), dir, { recursive: true, filter: (src) => !/node_modules|\.next|dist$/.test(src) });
    await must("node", [CLI, "init", "--preset", c.preset, ...(c.args ?? []), "--yes"], dir);
    const env = readFileSync(join(dir, "env.example"), "utf8")
      .replace(/^HOST_PORT=.*$/m, `HOST_PORT=${c.hostPort}`)
      .replace(/^DJANGO_SECRET_KEY=$/m, "DJANGO_SECRET_KEY=e2e-only-secret-key-e2e-only-secret-key-e2e-only");
    writeFileSync(join(dir, ".env"), env);
    await must(join(LAB_DIR, "prepare"), ["Dockerfile"], dir);
    await must("make", ["compose-up"], dir, compose);
    // The service is named after the app (detected, or the folder): read it from the output.
    service = Object.keys((parse(readFileSync(join(dir, "docker-compose.yml"), "utf8")) as { services: object }).services)[0]!;
    id = (await must("docker-compose", ["ps", "-q", service], dir, compose)).trim();
    expect(id).toMatch(/^[0-9a-f]{12,}$/);
    pid = await containerPid(id, dir);
  });

  afterAll(async () => {
    if (dir && existsSync(dir)) {
      await sh("make", ["compose-down"], dir, compose);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers HTTP 200 on its health path through the published port", async () => {
    const res = await waitForHttp(`http://127.0.0.1:${c.hostPort}${answers.healthPath ?? "/"}`, 90_000);
    expect(JSON.parse(res.body)).toEqual({ status: "ok" });
  });

  it("passes its own HEALTHCHECK", async () => {
    const r = await sh(join(LAB_DIR, "healthcheck"), [id], dir);
    // `podman healthcheck run` prints "unhealthy" and exits 1 on failure, nothing on success.
    expect(r.out).not.toMatch(/unhealthy/);
    expect(r.code, r.out).toBe(0);
  });

  it("runs as the configured non-zero uid, with no capabilities and a read-only root", async () => {
    const who = processIdentity(pid);
    expect(who.uid).toBe(answers.uid);
    expect(who.gid).toBe(answers.gid);
    expect(who.uid).not.toBe(0);
    expect(who.capEff).toBe("0000000000000000");
    expect((await must("docker", ["inspect", "-f", "{{.HostConfig.ReadonlyRootfs}}", id], dir)).trim()).toBe("true");
    // The kernel's view: the root mount of the container is read-only.
    const mounts = readFileSync(`/proc/${pid}/mounts`, "utf8").split("\n").find((l) => l.split(" ")[1] === "/");
    expect(mounts?.split(" ")[3]?.split(",")).toContain("ro");
  });

  it("has no setuid/setgid file anywhere on its root filesystem", async () => {
    // From the host, through the container's root: GNU find, whatever the image has (or lacks).
    const root = containerRoot(pid);
    const r = await sh("find", [`${root}/`, "-xdev", "-perm", "/6000", "-type", "f"], dir);
    expect(r.code, r.out).toBe(0);
    const found = r.out.trim().split("\n").filter(Boolean).map((p) => p.slice(root.length));
    // Distroless final stages get no strip step (real distroless images ship no setuid file);
    // the lab's distroless stand-ins are made from Debian packages and keep PAM's setgid
    // helper. Anything else there would be ours.
    const finalFrom = [...readFileSync(join(dir, "Dockerfile"), "utf8").matchAll(/^FROM\s+(\S+)/gm)].pop()?.[1] ?? "";
    const allowed = finalFrom.includes("distroless") ? ["/usr/sbin/unix_chkpwd"] : [];
    expect(found.filter((p) => !allowed.includes(p))).toEqual([]);
    // Not vacuous: the same walk finds the runtime's own files.
    const runtime = await sh("find", [`${root}/`, "-xdev", "-type", "f", "-name", "node", "-o", "-type", "f", "-name", "python3*", "-o", "-type", "f", "-name", "server"], dir);
    expect(runtime.out.trim()).not.toBe("");
  });

  it("cannot write to its own application files", async () => {
    if (c.writer) {
      const r = await sh("docker", ["exec", id, ...c.writer], dir);
      expect(r.code).not.toBe(0);
      expect(r.out).toMatch(/Read-only file system|EROFS|Permission denied|EACCES/);
    }
    // Even without the read-only root, the files belong to root and are not writable by others.
    const appDir = join(containerRoot(pid), "app");
    const offenders: string[] = [];
    let seen = 0;
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        const st = lstatSync(p);
        if (p.endsWith("/.next/cache")) continue; // the one writable directory (a tmpfs), by design
        seen++;
        if (st.uid === answers.uid || (!st.isSymbolicLink() && (st.mode & 0o002) !== 0)) offenders.push(p);
        if (st.isDirectory() && seen < 20_000) walk(p);
      }
    };
    walk(appDir);
    expect(seen).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });

  it("stops on SIGTERM within 5 seconds, not killed (exit code is not 137)", async () => {
    const r = await sh("docker", ["stop", "-t", "5", id], dir);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(5000);
    const code = Number(await must("docker", ["inspect", "-f", "{{.State.ExitCode}}", id], dir));
    expect(code).not.toBe(137);
  });

  it("rebuilds after a one-file source change without re-running the dependency install", async () => {
    // A unique line: the lab's layer cache is shared by every build on this machine.
    const line = `source-only change ${Date.now()} ${Math.random()}`;
    appendFileSync(join(dir, c.touch), c.touch.endsWith(".py") ? `\n# ${line}\n` : `\n// ${line}\n`);
    const out = await must("docker-compose", ["build", service], dir, compose);
    const installs = stepsCached(out, c.install);
    expect(installs.length, `no step matched ${c.install} in:\n${out.slice(-3000)}`).toBeGreaterThan(0);
    expect(installs.every(Boolean), out.slice(-3000)).toBe(true);
    // ...and the change itself was seen: the step copying the sources was not cached.
    const copies = stepsCached(out, /STEP \d+\/\d+: COPY \. \./);
    expect(copies.some((cached) => !cached), out.slice(-3000)).toBe(true);
  });
});
