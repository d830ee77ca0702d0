// End-to-end, in the container lab, for issue 6: several apps in one repository with
// PostgreSQL and Redis, and a Python API with Prometheus and Grafana. The generated files run
// as they are, with three lab-only stand-ins (each said where it is used):
// - images: the lab cannot pull postgres/redis/prometheus/grafana, so a compose override
//   (docker-compose.lab.yml) gives each backing service a stand-in image built from Debian
//   (tests/e2e/standins/README.md). Only `image:` (and extra_hosts, below) is overridden: our
//   healthchecks, users, read-only roots, tmpfs, capabilities, volumes, secret files,
//   networks and depends_on are the generated ones.
// - names: this lab's podman networks have no DNS (dns_enabled: false), so service names do
//   not resolve; the override adds extra_hosts entries with the containers' addresses, as the
//   engine's DNS would answer them.
// - health: podman here never runs healthchecks on a timer, so the test runs each container's
//   own healthcheck (`podman healthcheck run`) while compose waits on service_healthy.
// Apps are probed on their address on the `app` network: this lab's port forwarding does not
// reach a container that is also on an internal network (it answers "resolve_deny").
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CLI, LAB_DIR, must, processIdentity, sh, waitForHttp } from "./lab.js";

const APPS = join(process.cwd(), "tests", "e2e", "apps");
const STANDINS = join(process.cwd(), "tests", "e2e", "standins");
const COMPOSE_FILES = ["-f", "docker-compose.yml", "-f", "docker-compose.lab.yml"];

async function buildStandins(names: string[], cwd: string): Promise<void> {
  for (const n of names) await must("docker", ["build", "-q", "-t", `services-lab/${n}:standin`, join(STANDINS, n)], cwd);
}

/** The compose override: stand-in images, and extra_hosts where the lab has no DNS. */
function writeOverride(dir: string, images: string[], hosts: Record<string, string[]> = {}): void {
  const services: Record<string, unknown> = {};
  for (const n of images) services[n] = { image: `services-lab/${n}:standin` };
  for (const [svc, entries] of Object.entries(hosts)) services[svc] = { ...(services[svc] as object), extra_hosts: entries };
  writeFileSync(join(dir, "docker-compose.lab.yml"), JSON.stringify({ services }, null, 2));
}

/** `docker-compose up -d <services>` while running each named container's healthcheck, as an engine's timer would. */
async function upWithHealth(dir: string, env: Record<string, string>, args: string[], watch: string[]): Promise<void> {
  const up = sh("docker-compose", [...COMPOSE_FILES, "up", "-d", ...args], dir, env);
  let done = false;
  void up.then(() => (done = true));
  const deadline = Date.now() + 600_000;
  while (!done && Date.now() < deadline) {
    for (const svc of watch) {
      const id = (await sh("docker-compose", [...COMPOSE_FILES, "ps", "-q", svc], dir, env)).out.trim();
      if (/^[0-9a-f]{12,}$/.test(id)) await sh("podman", ["healthcheck", "run", id], dir);
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  const r = await up;
  if (r.code !== 0) throw new Error(`docker-compose up ${args.join(" ")} exited ${r.code}:\n${r.out.slice(-4000)}`);
}

async function idOf(dir: string, env: Record<string, string>, svc: string): Promise<string> {
  const id = (await must("docker-compose", [...COMPOSE_FILES, "ps", "-q", svc], dir, env)).trim();
  expect(id, svc).toMatch(/^[0-9a-f]{12,}$/);
  return id;
}

/** The container's address on one of its networks (by the network's name suffix). */
async function addressOn(id: string, network: string, dir: string): Promise<string> {
  // podman may print a warning line (e.g. about the postgres tmpfs) before the JSON.
  const out = (await must("podman", ["inspect", "-f", "{{json .NetworkSettings.Networks}}", id], dir)).split("\n").find((l) => l.startsWith("{"))!;
  const nets = JSON.parse(out) as Record<string, { IPAddress: string }>;
  const key = Object.keys(nets).find((k) => k.endsWith(`_${network}`));
  expect(key, `${id} on ${network}: ${Object.keys(nets).join(", ")}`).toBeDefined();
  return nets[key!]!.IPAddress;
}

/** The host pid of a container's PID 1 (the output may start with a podman warning line). */
async function containerPid(id: string, cwd: string): Promise<number> {
  const out = await must("podman", ["inspect", "-f", "{{.State.Pid}}", id], cwd);
  const pid = Number(out.trim().split("\n").pop());
  expect(pid, out).toBeGreaterThan(0);
  return pid;
}

/** Every process of a container (its PID 1 and all descendants), with its command line. */
function processTree(pid: number): { pid: number; cmd: string }[] {
  const out: { pid: number; cmd: string }[] = [];
  const visit = (p: number) => {
    out.push({ pid: p, cmd: readFileSync(`/proc/${p}/cmdline`, "utf8").replace(/\0/g, " ").trim() });
    for (const task of readdirSync(`/proc/${p}/task`)) {
      const children = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
      for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
    }
  };
  visit(pid);
  return out;
}

async function healthy(id: string, dir: string): Promise<void> {
  const r = await sh(join(LAB_DIR, "healthcheck"), [id], dir);
  expect(r.out, id).not.toMatch(/unhealthy/);
  expect(r.code, r.out).toBe(0);
}

async function stopsOnSigterm(id: string, dir: string): Promise<void> {
  const r = await sh("docker", ["stop", "-t", "5", id], dir);
  expect(r.code, r.out).toBe(0);
  expect(r.ms).toBeLessThan(5000);
  expect(Number(await must("docker", ["inspect", "-f", "{{.State.ExitCode}}", id], dir))).not.toBe(137);
}

describe("e2e several apps in one repository: a Python uvicorn API, a Rust service and a TypeScript Node server, with PostgreSQL and Redis (issue 6, scenario 4)", () => {
  let dir = "";
  const env = { COMPOSE_PROJECT_NAME: `services-multi-${process.pid}` };
  const ids: Record<string, string> = {};
  const addr: Record<string, string> = {};

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), "ds-services-")), "multi-service");
    cpSync(join(APPS, "multi-service"), dir, { recursive: true, filter: (src) => !/node_modules|dist$/.test(src) });
    // Per-app answers in the format of .docker-scaffold.yml: the API runs 4 uvicorn workers.
    writeFileSync(
      join(dir, "answers.yaml"),
      "answers:\n  services: [postgres, redis]\napps:\n  - path: api\n    answers:\n      startCommand: uvicorn app.main:app --host 0.0.0.0 --port 8000 --workers 4 --proxy-headers\n  - path: svc\n    answers:\n      port: 8001\n  - path: web\n",
    );
    await must("node", [CLI, "init", "--yes", "--answers", "answers.yaml"], dir);
    // What a user does: make secrets (random passwords, URLs in .env), then pick host ports.
    await must("make", ["secrets"], dir);
    writeFileSync(join(dir, ".env"), readFileSync(join(dir, ".env"), "utf8").replace(/^API_HOST_PORT=.*$/m, "API_HOST_PORT=18510").replace(/^WEB_HOST_PORT=.*$/m, "WEB_HOST_PORT=18511").replace(/^SVC_HOST_PORT=.*$/m, "SVC_HOST_PORT=18512"));
    for (const app of ["api", "svc", "web"]) await must(join(LAB_DIR, "prepare"), [`${app}/Dockerfile`], dir);
    await buildStandins(["postgres", "redis"], dir);
    writeOverride(dir, ["postgres", "redis"]);
    await upWithHealth(dir, env, ["postgres", "redis"], ["postgres", "redis"]);
    for (const s of ["postgres", "redis"]) {
      ids[s] = await idOf(dir, env, s);
      addr[s] = await addressOn(ids[s]!, "backend", dir);
    }
    const hosts = [`postgres:${addr.postgres}`, `redis:${addr.redis}`];
    writeOverride(dir, ["postgres", "redis"], { api: hosts, svc: hosts, web: hosts });
    await upWithHealth(dir, env, ["--build"], ["postgres", "redis", "api", "svc", "web"]);
    for (const s of ["api", "svc", "web"]) {
      ids[s] = await idOf(dir, env, s);
      addr[s] = await addressOn(ids[s]!, "app", dir);
    }
  }, 900_000);

  afterAll(async () => {
    if (dir && existsSync(dir)) {
      await sh("docker-compose", [...COMPOSE_FILES, "down", "-v", "--remove-orphans"], dir, env);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes one Dockerfile and .dockerignore per app folder, and one compose file wiring both apps and both services", () => {
    for (const f of ["api/Dockerfile", "api/.dockerignore", "svc/Dockerfile", "svc/.dockerignore", "web/Dockerfile", "web/.dockerignore", "docker-compose.yml", "env.example", "Makefile", ".docker-scaffold.yml"]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(existsSync(join(dir, "Dockerfile"))).toBe(false);
    const compose = parse(readFileSync(join(dir, "docker-compose.yml"), "utf8")) as { services: Record<string, { build?: { context: string }; networks: string[] }>; networks: Record<string, { internal?: boolean }> };
    expect(Object.keys(compose.services).sort()).toEqual(["api", "postgres", "redis", "svc", "web"]);
    expect(compose.services.svc!.build!.context).toBe("./svc");
    expect(compose.services.api!.build!.context).toBe("./api");
    expect(compose.services.web!.build!.context).toBe("./web");
    expect(compose.networks.backend!.internal).toBe(true);
    expect(compose.services.postgres!.networks).toEqual(["backend"]);
    const makefile = readFileSync(join(dir, "Makefile"), "utf8");
    for (const t of ["build-api", "logs-api", "build-svc", "health-svc", "build-web", "logs-web", "health-api", "compose-up", "secrets"]) expect(makefile, t).toMatch(new RegExp(`^${t}:`, "m"));
  });

  it("brings every service to healthy with its own healthcheck (pg_isready, redis-cli, the apps' HEALTHCHECKs)", async () => {
    for (const s of ["postgres", "redis", "api", "svc", "web"]) await healthy(ids[s]!, dir);
  });

  it("the API reaches PostgreSQL and Redis with the passwords from ./secrets (via the URLs make secrets wrote)", async () => {
    const res = await waitForHttp(`http://${addr.api}:8000/deps`, 60_000);
    const body = JSON.parse(res.body) as { postgres_user: string; redis: boolean };
    expect(body.postgres_user).toBe("app");
    expect(body.redis).toBe(true);
    // The password is a file; compose and the image never hold it.
    const password = readFileSync(join(dir, "secrets", "postgres_password"), "utf8").trim();
    expect(password).toMatch(/^[0-9a-f]{48}$/);
    expect(readFileSync(join(dir, "docker-compose.yml"), "utf8")).not.toContain(password);
    expect(readFileSync(join(dir, ".env"), "utf8")).toContain(`postgresql://app:${password}@postgres:5432/app`);
  });

  it("the Node server answers on its health path", async () => {
    const res = await waitForHttp(`http://${addr.web}:3000/health`, 60_000);
    expect(JSON.parse(res.body)).toEqual({ status: "ok" });
  });

  it("the Rust service answers on its health path (its HEALTHCHECK is the probe binary: no curl in distroless)", async () => {
    const res = await waitForHttp(`http://${addr.svc}:8001/health`, 60_000);
    expect(JSON.parse(res.body)).toEqual({ status: "ok" });
    expect(readFileSync(join(dir, "svc", "Dockerfile"), "utf8")).toContain('CMD ["/app/healthcheck", "http://127.0.0.1:8001/health"]');
  });

  it("publishes each app on 127.0.0.1 only, on its own host port", async () => {
    for (const [s, port] of [["api", "18510"], ["svc", "18512"], ["web", "18511"]] as const) {
      const ports = JSON.parse((await must("docker", ["inspect", "-f", "{{json .NetworkSettings.Ports}}", ids[s]!], dir)).split("\n").find((l) => l.startsWith("{"))!) as Record<string, { HostIp: string; HostPort: string }[]>;
      expect(Object.values(ports).flat()).toEqual([{ HostIp: "127.0.0.1", HostPort: port }]);
    }
  });

  it("runs every process as non-root with no capabilities on a read-only root (postgres: the server, after its entrypoint)", async () => {
    const expected: Record<string, number> = { api: 10001, svc: 65532, web: 10001, postgres: 999, redis: 999 };
    for (const [s, uid] of Object.entries(expected)) {
      const who = processIdentity(await containerPid(ids[s]!, dir));
      expect(who.uid, s).toBe(uid);
      expect(who.capEff, s).toBe("0000000000000000");
      expect((await must("docker", ["inspect", "-f", "{{.HostConfig.ReadonlyRootfs}}", ids[s]!], dir)).trim(), s).toBe("true");
    }
  });

  it("the API runs uvicorn with 4 workers under tini", async () => {
    const tree = processTree(await containerPid(ids.api!, dir));
    expect(tree[0]!.cmd).toMatch(/tini/);
    expect(tree.filter((p) => /multiprocessing|spawn_main/.test(p.cmd)).length).toBeGreaterThanOrEqual(4);
  });

  it("stops each app on SIGTERM within 5 seconds (not killed)", async () => {
    for (const s of ["api", "svc", "web"]) await stopsOnSigterm(ids[s]!, dir);
  });
});

describe("e2e a Python API with Prometheus and Grafana (issue 6, scenario 2)", () => {
  let dir = "";
  const env = { COMPOSE_PROJECT_NAME: `services-monitoring-${process.pid}` };
  const ids: Record<string, string> = {};
  let service = "";

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), "ds-services-")), "monitored-api");
    cpSync(join(APPS, "monitored-api"), dir, { recursive: true });
    await must("node", [CLI, "init", "--preset", "python-fastapi", "--services", "prometheus,grafana", "--yes"], dir);
    await must("make", ["secrets"], dir);
    writeFileSync(
      join(dir, ".env"),
      readFileSync(join(dir, ".env"), "utf8").replace(/^HOST_PORT=.*$/m, "HOST_PORT=18520").replace(/^PROMETHEUS_PORT=.*$/m, "PROMETHEUS_PORT=18521").replace(/^GRAFANA_PORT=.*$/m, "GRAFANA_PORT=18522"),
    );
    await must(join(LAB_DIR, "prepare"), ["Dockerfile"], dir);
    await buildStandins(["prometheus", "grafana"], dir);
    service = Object.keys((parse(readFileSync(join(dir, "docker-compose.yml"), "utf8")) as { services: object }).services).find((s) => s !== "prometheus" && s !== "grafana")!;
    writeOverride(dir, ["prometheus", "grafana"]);
    await upWithHealth(dir, env, ["--build", service], [service]);
    ids[service] = await idOf(dir, env, service);
    const appAddr = await addressOn(ids[service]!, "app", dir);
    writeOverride(dir, ["prometheus", "grafana"], { prometheus: [`${service}:${appAddr}`] });
    await upWithHealth(dir, env, ["prometheus", "grafana"], ["prometheus", "grafana"]);
    for (const s of ["prometheus", "grafana"]) ids[s] = await idOf(dir, env, s);
  }, 900_000);

  afterAll(async () => {
    if (dir && existsSync(dir)) {
      await sh("docker-compose", [...COMPOSE_FILES, "down", "-v", "--remove-orphans"], dir, env);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("brings the API, Prometheus and the Grafana stand-in to healthy with their own healthchecks (busybox wget)", async () => {
    for (const s of [service, "prometheus", "grafana"]) await healthy(ids[s]!, dir);
  });

  it("the API serves /health and /metrics on its published port", async () => {
    expect(JSON.parse((await waitForHttp("http://127.0.0.1:18520/health", 60_000)).body)).toEqual({ status: "ok" });
    expect((await waitForHttp("http://127.0.0.1:18520/metrics", 60_000)).body).toMatch(/^# HELP /m);
  });

  it("Prometheus (published on 127.0.0.1) scrapes the API's /metrics with the generated prometheus.yml", async () => {
    const deadline = Date.now() + 90_000;
    let last = "";
    while (Date.now() < deadline) {
      const res = await waitForHttp("http://127.0.0.1:18521/api/v1/targets", 30_000);
      const targets = (JSON.parse(res.body) as { data: { activeTargets: { labels: { job: string }; health: string; scrapeUrl: string }[] } }).data.activeTargets;
      const app = targets.find((t) => t.labels.job === service);
      last = JSON.stringify(app);
      if (app?.health === "up") {
        expect(app.scrapeUrl).toBe(`http://${service}:8000/metrics`);
        return;
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
    throw new Error(`the API's target never came up: ${last}`);
  });

  it("the Grafana stand-in sees its admin password file (a compose secret) and the provisioned Prometheus data source", async () => {
    const res = await waitForHttp("http://127.0.0.1:18522/api/datasources", 30_000);
    expect(res.body).toContain("url: http://prometheus:9090");
  });

  it("Prometheus and Grafana run as their own non-root users with no capabilities on a read-only root", async () => {
    for (const [s, uid] of [["prometheus", 65534], ["grafana", 472]] as const) {
      const who = processIdentity(await containerPid(ids[s]!, dir));
      expect(who.uid, s).toBe(uid);
      expect(who.capEff, s).toBe("0000000000000000");
      expect((await must("docker", ["inspect", "-f", "{{.HostConfig.ReadonlyRootfs}}", ids[s]!], dir)).trim(), s).toBe("true");
    }
  });
});

describe("e2e the Flask cost simulator's Makefile targets (issue 6, scenario 1)", () => {
  let dir = "";
  const image = `services-cost-sim-${process.pid}`;
  const make = (target: string, vars: string[] = [], env: Record<string, string> = {}) =>
    must("make", [target, `IMAGE=${image}`, `CONTAINER=${image}`, "TAG=e2e", "PULL=", ...vars], dir, env);

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), "ds-services-")), "flask-cost-simulator");
    cpSync(join(APPS, "flask-cost-simulator"), dir, { recursive: true });
    await must("node", [CLI, "init", "--yes"], dir);
    await must(join(LAB_DIR, "prepare"), ["Dockerfile"], dir);
    await make("docker-build");
  }, 900_000);

  afterAll(async () => {
    if (dir && existsSync(dir)) {
      await sh("make", ["docker-clean", `IMAGE=${image}`, `CONTAINER=${image}`, "TAG=e2e"], dir);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("detected port 5000 and /health; the Makefile has every target the team used", () => {
    const makefile = readFileSync(join(dir, "Makefile"), "utf8");
    expect(makefile).toMatch(/^PORT \?= 5000$/m);
    for (const t of ["docker-build", "docker-run", "docker-logs", "docker-restart", "docker-exec", "docker-shell", "docker-stop", "docker-run-env", "docker-rebuild", "docker-clean", "docker-health"]) {
      expect(makefile, t).toMatch(new RegExp(`^${t}:`, "m"));
    }
    expect(readFileSync(join(dir, "env.example"), "utf8")).toMatch(/^FLASK_ENV=production$/m);
  });

  it("docker-run, docker-health, docker-restart and docker-stop work on a chosen host port", async () => {
    await make("docker-run", ["PORT=18530"]);
    expect(JSON.parse((await waitForHttp("http://127.0.0.1:18530/health", 60_000)).body)).toEqual({ status: "ok" });
    const health = await make("docker-health", ["PORT=18530"]);
    expect(health).toContain('{"status":"ok"}');
    await make("docker-restart", ["PORT=18530"]);
    expect(JSON.parse((await waitForHttp("http://127.0.0.1:18530/health", 60_000)).body)).toEqual({ status: "ok" });
    const stop = await sh("make", ["docker-stop", `CONTAINER=${image}`], dir);
    expect(stop.code, stop.out).toBe(0);
    expect(stop.ms).toBeLessThan(10_000);
  });

  it("PORT=18531 FLASK_ENV=development make docker-run-env publishes on 18531 and passes FLASK_ENV to the app", async () => {
    await make("docker-run-env", [], { PORT: "18531", FLASK_ENV: "development" });
    const res = await waitForHttp("http://127.0.0.1:18531/api/compare?requests=1000", 60_000);
    expect((JSON.parse(res.body) as { environment: string }).environment).toBe("development");
    await make("docker-stop");
  });
});

describe("e2e a gunicorn app whose /metrics needs METRICS_USER/METRICS_PASS (issue 6, scenario 3)", () => {
  let dir = "";
  let id = "";
  const env = { COMPOSE_PROJECT_NAME: `services-gunicorn-${process.pid}` };

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), "ds-services-")), "gunicorn-metrics");
    cpSync(join(APPS, "gunicorn-metrics"), dir, { recursive: true });
    await must("node", [CLI, "init", "--preset", "python-flask", "--yes"], dir);
    // env.example documents both; the secret is left empty there and filled in .env only.
    const example = readFileSync(join(dir, "env.example"), "utf8");
    expect(example).toMatch(/^METRICS_USER=metrics$/m);
    expect(example).toMatch(/^METRICS_PASS=$/m);
    writeFileSync(join(dir, ".env"), example.replace(/^HOST_PORT=.*$/m, "HOST_PORT=18535").replace(/^METRICS_PASS=$/m, "METRICS_PASS=e2e-only-metrics-pass"));
    await must(join(LAB_DIR, "prepare"), ["Dockerfile"], dir);
    await must("make", ["compose-up"], dir, env);
    id = (await must("docker-compose", ["ps", "-q", "gunicorn-metrics"], dir, env)).trim();
  }, 900_000);

  afterAll(async () => {
    if (dir && existsSync(dir)) {
      await sh("make", ["compose-down"], dir, env);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("/metrics answers 401 without the credentials and 200 with METRICS_USER/METRICS_PASS from .env", async () => {
    await waitForHttp("http://127.0.0.1:18535/health", 90_000);
    expect((await fetch("http://127.0.0.1:18535/metrics")).status).toBe(401);
    const auth = `Basic ${Buffer.from("metrics:e2e-only-metrics-pass").toString("base64")}`;
    const res = await fetch("http://127.0.0.1:18535/metrics", { headers: { Authorization: auth } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^# HELP /m);
  });

  it("runs with a read-only root, a tmpfs /tmp, no-new-privileges and tini as PID 1", async () => {
    const pid = await containerPid(id, dir);
    expect((await must("docker", ["inspect", "-f", "{{.HostConfig.ReadonlyRootfs}}", id], dir)).trim()).toBe("true");
    const mounts = readFileSync(`/proc/${pid}/mounts`, "utf8").split("\n");
    expect(mounts.find((l) => l.split(" ")[1] === "/")?.split(" ")[3]?.split(",")).toContain("ro");
    expect(mounts.find((l) => l.split(" ")[1] === "/tmp")?.split(" ")[0]).toBe("tmpfs");
    expect(readFileSync(`/proc/${pid}/status`, "utf8")).toMatch(/^NoNewPrivs:\s+1$/m);
    expect(processTree(pid)[0]!.cmd).toMatch(/^\/usr\/local\/bin\/tini -- gunicorn /);
    expect(processIdentity(pid).uid).toBe(10001);
  });

  it("stops on SIGTERM within 5 seconds (not killed)", async () => {
    await stopsOnSigterm(id, dir);
  });
});
