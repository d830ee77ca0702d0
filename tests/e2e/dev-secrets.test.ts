// End-to-end, in the container lab, for issue 9's dev target and build secrets.
//
// Dev target: a preset scaffolded with --dev, started with the generated `make dev` (the dev
// stage, docker-compose.dev.yml layered on docker-compose.yml, the sources mounted read-only);
// a source file is edited on the host and the HTTP response changes while the same container
// keeps running (no rebuild, no restart), with the production hardening still in place.
//
// Build secrets: node-express scaffolded with --build-secrets is built with the generated
// `make docker-build` (DOCKER=podman: the lab's docker CLI has no BuildKit for --secret) and an
// .npmrc secret holding a unique token. npm proves it read the secret (the .npmrc also sets
// loglevel=verbose, so the install step logs verbosely only if the file was mounted), and the
// token is then looked for, and not found, in every layer of the final image and of the stage
// that mounted it (`podman save`), in `docker history`, `docker inspect` (env, labels, build
// args), the build log and every generated file.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CLI, LAB_DIR, containerPid, must, processIdentity, sh, waitForHttp } from "./lab.js";

const APPS = join(process.cwd(), "tests", "e2e", "apps");

interface DevCase {
  preset: string;
  hostPort: number;
  /** The mounted source file to edit, the text in it that the change replaces, and the app name GET / answers. */
  file: string;
  from: string;
  app: string;
  uid: number;
}

// Host ports 18300-18349 belong to this branch's lab runs.
const DEV_CASES: DevCase[] = [
  { preset: "python-fastapi", hostPort: 18301, file: "app/main.py", from: '"app": "python-fastapi"', app: "python-fastapi", uid: 10001 },
  { preset: "python-flask", hostPort: 18303, file: "app.py", from: 'app="python-flask"', app: "python-flask", uid: 10001 },
  // Go: the go-dev-reload loop rebuilds inside the container (stdlib-only app: no module download).
  { preset: "go-http", hostPort: 18304, file: "main.go", from: '"app": "go-http"', app: "go-http", uid: 65532 },
  { preset: "node-express", hostPort: 18302, file: "src/server.js", from: 'app: "node-express"', app: "node-express", uid: 10001 },
];


describe.each(DEV_CASES)("e2e dev target $preset", (c) => {
  let dir = "";
  let id = "";
  const compose = { COMPOSE_PROJECT_NAME: `devsecrets-dev-${c.preset}-${process.pid}` };

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), "ds-dev-")), c.preset);
    cpSync(join(APPS, c.preset), dir, { recursive: true, filter: (src) => !/node_modules/.test(src) });
    await must("node", [CLI, "init", "--preset", c.preset, "--dev", "--yes"], dir);
    const env = readFileSync(join(dir, "env.example"), "utf8").replace(/^HOST_PORT=.*$/m, `HOST_PORT=${c.hostPort}`);
    writeFileSync(join(dir, ".env"), env);
    await must(join(LAB_DIR, "prepare"), ["Dockerfile"], dir);
    await must("make", ["dev", "DEV_ARGS=-d"], dir, compose);
    const service = Object.keys((parse(readFileSync(join(dir, "docker-compose.yml"), "utf8")) as { services: object }).services)[0]!;
    id = (await must("docker-compose", ["-f", "docker-compose.yml", "-f", "docker-compose.dev.yml", "ps", "-q", service], dir, compose)).trim();
    expect(id).toMatch(/^[0-9a-f]{12,}$/);
  }, 600_000);

  afterAll(async () => {
    if (dir && existsSync(dir)) {
      await sh("make", ["dev-down"], dir, compose);
      // The named volume of Go's dev loop too (`make dev-down` keeps it, as a cache between runs).
      await sh("docker-compose", ["-f", "docker-compose.yml", "-f", "docker-compose.dev.yml", "down", "-v"], dir, compose);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs the dev stage's reloading server, with the production hardening kept", async () => {
    const res = await waitForHttp(`http://127.0.0.1:${c.hostPort}/`, 120_000);
    expect(JSON.parse(res.body)).toMatchObject({ app: c.app });
    const image = (await must("docker", ["inspect", "-f", "{{.Config.Image}}", id], dir)).trim();
    expect(image).toMatch(/:local-dev$/);
    const cmd = (await must("docker", ["inspect", "-f", "{{json .Config.Cmd}}", id], dir)).trim();
    expect(cmd).toMatch(/--reload|--watch|go-dev-reload/);
    const who = processIdentity(await containerPid(id, dir));
    expect(who.uid).toBe(c.uid);
    expect(who.capEff).toBe("0000000000000000");
    expect((await must("docker", ["inspect", "-f", "{{.HostConfig.ReadonlyRootfs}}", id], dir)).trim()).toBe("true");
    // The sources are mounted read-only: the container cannot change them.
    const mounts = (await must("docker", ["inspect", "-f", "{{json .Mounts}}", id], dir)).trim();
    const binds = (JSON.parse(mounts) as { Type: string; RW: boolean }[]).filter((m) => m.Type === "bind");
    expect(binds.length).toBeGreaterThan(0);
    expect(binds.every((m) => m.RW === false)).toBe(true);
  });

  it("picks up a source change on the host without a rebuild or a restart", async () => {
    const started = (await must("docker", ["inspect", "-f", "{{.State.StartedAt}}", id], dir)).trim();
    const marker = `reloaded ${Date.now()}`;
    const path = join(dir, c.file);
    // Written in place (same inode), as editors that save in place do: the bind mount sees it.
    const source = readFileSync(path, "utf8");
    expect(source).toContain(c.from);
    writeFileSync(path, source.replace(c.from, c.from.replace(c.app, marker)));
    const deadline = Date.now() + 60_000;
    let body = "";
    while (Date.now() < deadline) {
      try {
        body = await (await fetch(`http://127.0.0.1:${c.hostPort}/`, { signal: AbortSignal.timeout(3000) })).text();
        if (body.includes(marker)) break;
      } catch {
        // the server restarts: a refused connection is expected for a moment
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(body).toContain(marker);
    // The same container, never restarted: the reloader did it inside.
    expect((await must("docker", ["inspect", "-f", "{{.State.StartedAt}}", id], dir)).trim()).toBe(started);
    expect((await must("docker", ["inspect", "-f", "{{.RestartCount}}", id], dir)).trim()).toBe("0");
  }, 90_000);

  it("leaves production the default: `make compose-up`'s target is runtime, and a plain build's last stage is the final one", () => {
    const base = parse(readFileSync(join(dir, "docker-compose.yml"), "utf8")) as { services: Record<string, { build: { target: string } }> };
    expect(Object.values(base.services)[0]!.build.target).toBe("runtime");
    const stages = [...readFileSync(join(dir, "Dockerfile"), "utf8").matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
    expect(stages).toContain("dev");
    expect(stages.at(-1)).toBe("runtime");
    expect(existsSync(join(dir, "docker-compose.override.yml"))).toBe(false);
  });
});

describe("e2e build secret (node-express, npm)", () => {
  const secret = `npm_devsecretsE2E${Date.now()}x${Math.random().toString(36).slice(2, 10)}`;
  const image = `devsecrets-e2e-secret-${process.pid}`;
  let dir = "";
  let work = "";
  let buildLog = "";

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "ds-secret-"));
    dir = join(work, "node-express");
    cpSync(join(APPS, "node-express"), dir, { recursive: true, filter: (src) => !/node_modules/.test(src) });
    await must("node", [CLI, "init", "--preset", "node-express", "--build-secrets", "--yes"], dir);
    await must(join(LAB_DIR, "prepare"), ["Dockerfile"], dir);
    // The real registry stays the registry (the install must work); the token is for a host
    // the build never asks, and loglevel=verbose is the visible sign that npm read this file.
    mkdirSync(join(dir, "secrets"));
    writeFileSync(join(dir, "secrets", "npmrc"), `//npm.devsecrets.invalid/:_authToken=${secret}\nloglevel=verbose\n`);
    // --no-cache: the verbose log must come from this build's install step, not a cached layer.
    buildLog = await must("make", ["docker-build", "DOCKER=podman", "PULL=--no-cache", `IMAGE=${image}`, "TAG=final"], dir);
    // The stage that mounted the secret, as an image of its own, to search its layers too.
    buildLog += await must("podman", ["build", "--target", "deps", "--secret", "id=npmrc,src=secrets/npmrc", "-t", `${image}:deps`, "."], dir);
  }, 900_000);

  afterAll(async () => {
    await sh("podman", ["rmi", "-f", `${image}:final`, `${image}:deps`], tmpdir());
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("the Makefile passes the secret with --secret from secrets/npmrc, and the install step read it", () => {
    const dry = buildLog;
    // Only the mounted .npmrc sets loglevel=verbose: npm logs verbosely only if it read the secret.
    expect(dry).toMatch(/npm verbose/);
    expect(readFileSync(join(dir, "Makefile"), "utf8")).toContain("--secret id=npmrc$(comma)src=$(NPMRC_FILE)");
  });

  it("falls back to the NPMRC environment variable, printing its name only", async () => {
    const r = await must("make", ["-n", "docker-build", "NPMRC_FILE=secrets/absent"], dir, { NPMRC: readFileSync(join(dir, "secrets", "npmrc"), "utf8") });
    expect(r).toContain("--secret id=npmrc,env=NPMRC");
    expect(r).not.toContain(secret);
    const none = await must("make", ["-n", "docker-build", "NPMRC_FILE=secrets/absent"], dir, { NPMRC: "" });
    expect(none).not.toContain("--secret");
  });

  it("is in no layer of the final image nor of the stage that mounted it", async () => {
    for (const tag of ["final", "deps"]) {
      const archive = join(work, `${tag}.tar`);
      await must("podman", ["save", "--format", "docker-archive", "-o", archive, `${image}:${tag}`], work);
      const bytes = readFileSync(archive);
      // The search can find things: the app's own files are in these uncompressed layers.
      expect(bytes.includes(Buffer.from(tag === "final" ? "hello from node-express" : "\"name\": \"express\""))).toBe(true);
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
      expect(bytes.includes(Buffer.from(secret.slice(4)))).toBe(false);
      // Each layer tar on its own as well (the archive could compress them).
      const out = join(work, `${tag}-x`);
      mkdirSync(out);
      await must("tar", ["-xf", archive, "-C", out], work);
      for (const name of readdirSync(out, { recursive: true, encoding: "utf8" })) {
        const p = join(out, name);
        if (!name.endsWith(".tar")) continue;
        const list = await must("tar", ["-xOf", p], out);
        expect(list.includes(secret), `${tag}/${name}`).toBe(false);
      }
    }
  }, 300_000);

  it("is not in docker history, the image config (env, labels, build args) or the build log", async () => {
    for (const tag of ["final", "deps"]) {
      const history = await must("docker", ["history", "--no-trunc", `${image}:${tag}`], dir);
      expect(history).toContain(tag === "deps" ? "npm ci" : "COPY");
      expect(history).not.toContain(secret);
      const inspect = await must("docker", ["image", "inspect", `${image}:${tag}`], dir);
      expect(inspect).not.toContain(secret);
      const podmanInspect = await must("podman", ["image", "inspect", `${image}:${tag}`], dir);
      expect(podmanInspect).not.toContain(secret);
    }
    expect(buildLog).not.toContain(secret);
  });

  it("is in no generated file, and secrets/ stays out of git and of the build context", () => {
    for (const f of ["Dockerfile", ".dockerignore", "docker-compose.yml", "env.example", "Makefile", "README.Docker.md", ".gitignore", ".docker-scaffold.yml"]) {
      expect(readFileSync(join(dir, f), "utf8"), f).not.toContain(secret);
    }
    expect(readFileSync(join(dir, ".dockerignore"), "utf8")).toMatch(/^secrets\/$/m);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toMatch(/^secrets\/$/m);
  });
});
