// End-to-end, in the container lab (issue 10): for every built-in preset, a folder that
// does not exist yet gets `init <dir> --preset <name> --yes --starter` (the built
// executable), then the generated Makefile's compose-up, and nothing else: no app is
// copied in, no .env is needed (but for Django's required secret key). The container must
// answer on its health path and on /, pass its own HEALTHCHECK, run as the non-root uid
// with a read-only root and no capabilities, and stop on SIGTERM. The starter's own test
// runs too: pytest and go test inside the lab's python and golang stand-ins (PyPI and the
// Go proxy are not reachable from this machine), node --test on this machine.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { TOOL_VERSIONS } from "../../src/model/defaults.js";
import { loadPreset } from "../../src/presets/load-preset.js";
import { CLI, LAB_DIR, containerPid, must, processIdentity, sh, waitForHttp } from "./lab.js";

interface StarterCase {
  preset: string;
  /** More init arguments (a variant of the preset). */
  args?: string[];
  name?: string;
}

const CASES: StarterCase[] = [
  { preset: "python-fastapi" },
  { preset: "python-flask" },
  { preset: "python-django" },
  { preset: "node-express" },
  { preset: "node-fastify" },
  { preset: "node-nestjs" },
  { preset: "node-nextjs" },
  { preset: "go-http" },
  // Package-manager variants: the pnpm and Yarn 1 lockfiles the starters ship. Yarn checks
  // `engines` and the lab's Node.js is 20 whatever the image tag, hence --runtime-version 20.
  { name: "node-express-pnpm", preset: "node-express", args: ["--package-manager", "pnpm"] },
  { name: "node-nestjs-yarn", preset: "node-nestjs", args: ["--package-manager", "yarn", "--runtime-version", "20"] },
];

/** How each language's own test runs here: in a stand-in image (python, golang) or on this machine (node). */
function ownTest(language: string, packageManager: string): { image: string | null; script: string } {
  if (language === "python") return { image: "python:3.12-slim-bookworm", script: "pip install --quiet -r requirements-dev.txt && pytest -q -p no:cacheprovider" };
  if (language === "go") return { image: "golang:1.23-bookworm", script: "go test ./..." };
  const run = packageManager === "pnpm" ? `npx --yes pnpm@${TOOL_VERSIONS.pnpm}` : packageManager === "yarn" ? `npx --yes yarn@${TOOL_VERSIONS.yarn}` : "npm";
  const install = packageManager === "npm" ? "npm ci --no-audit --no-fund" : `${run} install --frozen-lockfile`;
  return { image: null, script: `${install} && ${run} test` };
}

describe.each(CASES.map((c, i) => ({ ...c, name: c.name ?? c.preset, hostPort: 18200 + i })))("starter e2e $name", (c) => {
  const answers = loadPreset(c.preset, process.cwd()).answers as { language: string; packageManager: string; healthPath: string; uid: number; gid: number };
  const pmArg = c.args?.indexOf("--package-manager") ?? -1;
  const packageManager = pmArg >= 0 ? c.args![pmArg + 1]! : answers.packageManager;
  let dir = "";
  let service = "";
  let id = "";
  let pid = 0;
  // compose reads HOST_PORT from the environment as from .env: the one-liner needs no .env.
  const env = { HOST_PORT: String(c.hostPort) };

  beforeAll(async () => {
    // A folder that does not exist yet, as `init my-api` in a new repository.
    dir = join(mkdtempSync(join(tmpdir(), "ds-starter-")), `starter-${c.name}`);
    await must("node", [CLI, "init", dir, "--preset", c.preset, ...(c.args ?? []), "--yes", "--starter"], tmpdir());
    if (c.preset === "python-django") {
      // Django's secret key has no default, by design: compose refuses to start without it.
      writeFileSync(join(dir, ".env"), readFileSync(join(dir, "env.example"), "utf8").replace(/^DJANGO_SECRET_KEY=$/m, "DJANGO_SECRET_KEY=e2e-only-secret-key-e2e-only-secret-key-e2e-only"));
    }
    await must(join(LAB_DIR, "prepare"), ["Dockerfile"], dir);
    await must("make", ["compose-up"], dir, env);
    service = Object.keys((parse(readFileSync(join(dir, "docker-compose.yml"), "utf8")) as { services: object }).services)[0]!;
    id = (await must("docker-compose", ["ps", "-q", service], dir, env)).trim();
    expect(id).toMatch(/^[0-9a-f]{12,}$/);
    pid = await containerPid(id, dir);
  });

  afterAll(async () => {
    if (dir && existsSync(dir)) {
      await sh("make", ["compose-down"], dir, env);
      rmSync(join(dir, ".."), { recursive: true, force: true });
    }
  });

  it("answers HTTP 200 on its health path, and greets on /", async () => {
    const health = await waitForHttp(`http://127.0.0.1:${c.hostPort}${answers.healthPath}`, 90_000);
    expect(JSON.parse(health.body)).toEqual({ status: "ok" });
    const home = await waitForHttp(`http://127.0.0.1:${c.hostPort}/`, 10_000);
    // JSON from the API starters; Next.js renders the greeting in its page.
    if (c.preset === "node-nextjs") expect(home.body).toContain("<h1>hello</h1>");
    else expect(JSON.parse(home.body)).toEqual({ message: "hello", app: `starter-${c.name}` });
  });

  it("passes its own HEALTHCHECK", async () => {
    const r = await sh(join(LAB_DIR, "healthcheck"), [id], dir);
    expect(r.out).not.toMatch(/unhealthy/);
    expect(r.code, r.out).toBe(0);
  });

  it("runs as the preset's non-root uid, with no capabilities and a read-only root", async () => {
    const who = processIdentity(pid);
    expect(who.uid).toBe(answers.uid);
    expect(who.gid).toBe(answers.gid);
    expect(who.capEff).toBe("0000000000000000");
    expect((await must("docker", ["inspect", "-f", "{{.HostConfig.ReadonlyRootfs}}", id], dir)).trim()).toBe("true");
  });

  it("stops on SIGTERM within 5 seconds, not killed (exit code is not 137)", async () => {
    const r = await sh("docker", ["stop", "-t", "5", id], dir);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(5000);
    const code = Number(await must("docker", ["inspect", "-f", "{{.State.ExitCode}}", id], dir));
    expect(code).not.toBe(137);
  });

  it("passes its own test (pytest, node --test, go test)", async () => {
    const { image, script } = ownTest(answers.language, packageManager);
    // On a copy: the test installs dependencies and writes build output.
    const work = join(mkdtempSync(join(tmpdir(), "ds-starter-test-")), "app");
    cpSync(dir, work, { recursive: true });
    try {
      const r = image
        ? await sh("docker", ["run", "--rm", "-v", `${work}:/src:ro`, image, "sh", "-c", `cp -r /src /tmp/app && cd /tmp/app && ${script}`], work)
        : await sh("sh", ["-c", script], work);
      expect(r.code, r.out.slice(-3000)).toBe(0);
      expect(r.out).toMatch(/\b2 passed\b|^ok\s|# pass [12]\b/m);
      expect(r.out).not.toMatch(/# fail [1-9]|\bfailed\b/);
    } finally {
      rmSync(join(work, ".."), { recursive: true, force: true });
    }
  });
});
