// docker-compose.yml built as data and serialised with `yaml` (HOUSE-STYLE habit 5).
// Keys are in dclint's default order; no `version:` and no top-level `name:` (Compose v1.29,
// which the container lab runs, rejects it: RULEBOOK CMP-PROJECT-NAME).
// One app (the usual case) or several (a repository with several apps, issue 6), each
// hardened the same way, plus the backing services (src/model/services.ts).
import { Document, Scalar, isMap, isScalar } from "yaml";
import { devTarget } from "../model/dev-target.js";
import type { EnvEntry, Plan } from "../model/plan.js";
import { buildSecretFor } from "./build-secrets.js";
import { SERVICE_SPECS, hasDataTier, orderedServices, serviceSecrets, type BackingService } from "../model/services.js";
import { servicePorts } from "../model/env-entries.js";
import { tmpfsMounts } from "./view.js";

/** The development overlay (issue 9). Not docker-compose.override.yml: Compose merges that into every `up`. */
export const COMPOSE_DEV_FILE = "docker-compose.dev.yml";

function quoted(value: string): Scalar {
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_SINGLE;
  return s;
}

/** One app of the stack: its plan, where its Dockerfile is, and the variable of its host port. */
export interface StackApp {
  plan: Plan;
  /** Build context relative to the compose file: "." or the app's folder. */
  context: string;
  hostPortVar: string;
  /** Default host port (the container port unless another app already has it). */
  hostPort: number;
  /** The variables compose passes to it. */
  env: EnvEntry[];
}

const logging = () => ({ driver: "json-file", options: { "max-file": "3", "max-size": "10m" } });

function appService(app: StackApp, services: BackingService[]): Record<string, unknown> {
  const a = app.plan.answers;
  const sec = a.security;
  const environment: Record<string, string> = {};
  for (const e of app.env) if (e.compose !== null) environment[e.name] = e.compose;
  // dclint order: image, build | depends_on | volumes, secrets | environment | ports, networks |
  // command, restart, healthcheck | logging | user | everything else alphabetically.
  const service: Record<string, unknown> = {
    image: `${a.name}:local`,
    build: { context: app.context, dockerfile: "Dockerfile", target: "runtime" },
  };
  const data = services.filter((s) => SERVICE_SPECS[s].tier === "data");
  if (data.length) service.depends_on = Object.fromEntries(data.map((s) => [s, { condition: "service_healthy" }]));
  // GOPRIVATE is a build argument (module path patterns, not a credential); the netrc it needs is a build secret.
  if (a.language === "go" && a.buildSecrets) (service.build as Record<string, unknown>).args = { GOPRIVATE: "${GOPRIVATE:-}" };
  if (Object.keys(environment).length) service.environment = environment;
  service.ports = [quoted(`${sec.bindAddress}:\${${app.hostPortVar}:-${app.hostPort}}:${a.port}`)];
  service.networks = hasDataTier(services) ? ["app", "backend"] : ["app"];
  service.restart = "on-failure:5";
  service.logging = logging();
  // Quoted: YAML 1.1 parsers (docker-compose 1.29) read 10001:10001 as a base-60 number.
  service.user = quoted(`${a.uid}:${a.gid}`);
  if (sec.dropCapabilities) service.cap_drop = ["ALL"];
  service.cpus = sec.cpus;
  service.mem_limit = sec.memory;
  service.pids_limit = sec.pids;
  service.pull_policy = "build";
  if (sec.readOnly) service.read_only = true;
  if (sec.noNewPrivileges) service.security_opt = ["no-new-privileges:true"];
  service.tmpfs = tmpfsMounts(a);
  return service;
}

const HEALTH_TIMING = { interval: "10s", timeout: "5s", retries: 5, start_period: "20s" };

/** A backing service: pinned image, healthcheck, volume, secret, and the hardening its image allows. */
function backingService(name: BackingService, services: BackingService[], bind: string, ports: Record<string, number>): Record<string, unknown> {
  const spec = SERVICE_SPECS[name];
  const svc: Record<string, unknown> = { image: spec.image };
  if (name === "grafana" && services.includes("prometheus")) svc.depends_on = { prometheus: { condition: "service_healthy" } };
  const volumes = [`${spec.volume.name}:${spec.volume.path}`];
  if (name === "prometheus") volumes.push("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
  if (name === "grafana" && services.includes("prometheus")) volumes.push("./grafana/provisioning/datasources:/etc/grafana/provisioning/datasources:ro");
  svc.volumes = volumes;
  if (spec.secret) svc.secrets = [spec.secret];
  if (name === "postgres") {
    svc.environment = { POSTGRES_DB: "${POSTGRES_DB:-app}", POSTGRES_PASSWORD_FILE: "/run/secrets/postgres_password", POSTGRES_USER: "${POSTGRES_USER:-app}" };
  } else if (name === "grafana") {
    svc.environment = {
      GF_ANALYTICS_REPORTING_ENABLED: "false",
      GF_SECURITY_ADMIN_PASSWORD__FILE: "/run/secrets/grafana_admin_password",
      GF_SECURITY_ADMIN_USER: "${GRAFANA_ADMIN_USER:-admin}",
      GF_USERS_ALLOW_SIGN_UP: "false",
    };
  }
  if (spec.publish) svc.ports = [quoted(`${bind}:\${${name.toUpperCase()}_PORT:-${ports[name]}}:${spec.port}`)];
  svc.networks = [spec.tier === "data" ? "backend" : "app"];
  if (name === "redis") {
    // The password is read from the secret file when redis starts, never written here.
    // $$ keeps compose from interpolating the shell's $(...).
    svc.command = ["sh", "-c", 'exec redis-server --requirepass "$$(cat /run/secrets/redis_password)" --appendonly yes --dir /data'];
  } else if (name === "prometheus") {
    svc.command = ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus", "--storage.tsdb.retention.time=15d"];
  }
  svc.restart = "on-failure:5";
  svc.healthcheck = { test: healthTest(name), ...HEALTH_TIMING };
  svc.logging = logging();
  if (spec.user) svc.user = quoted(spec.user);
  if (spec.capAdd.length) svc.cap_add = spec.capAdd;
  svc.cap_drop = ["ALL"];
  svc.cpus = 1;
  svc.mem_limit = spec.memory;
  svc.pids_limit = 256;
  svc.read_only = true;
  svc.security_opt = ["no-new-privileges:true"];
  svc.tmpfs = spec.tmpfs;
  return svc;
}

/** Healthchecks with what each image has: pg_isready, redis-cli, busybox wget (prometheus, grafana). */
function healthTest(name: BackingService): string[] {
  switch (name) {
    case "postgres":
      return ["CMD", "pg_isready", "-h", "127.0.0.1", "-U", "${POSTGRES_USER:-app}", "-d", "${POSTGRES_DB:-app}"];
    case "redis":
      return ["CMD-SHELL", 'REDISCLI_AUTH="$$(cat /run/secrets/redis_password)" redis-cli ping | grep -q PONG'];
    case "prometheus":
      return ["CMD", "wget", "-q", "--spider", "http://127.0.0.1:9090/-/healthy"];
    case "grafana":
      return ["CMD", "wget", "-q", "--spider", "http://127.0.0.1:3000/api/health"];
  }
}

export function renderStack(apps: StackApp[], serviceNames: readonly string[], generator: string): string {
  const services = orderedServices(serviceNames);
  const bind = apps[0]!.plan.answers.security.bindAddress;
  const ports = servicePorts(services, apps.map((a) => a.hostPort));
  const all: Record<string, unknown> = {};
  for (const app of apps) all[app.plan.answers.name] = appService(app, services);
  for (const s of services) all[s] = backingService(s, services, bind, ports);
  // dclint: services in alphabetical order.
  const sorted = Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
  const top: Record<string, unknown> = { services: sorted };
  top.networks = hasDataTier(services) ? { app: {}, backend: { internal: true } } : { app: {} };
  if (services.length) top.volumes = Object.fromEntries(services.map((s) => [SERVICE_SPECS[s].volume.name, {}]));
  const secrets = serviceSecrets(services);
  if (secrets.length) top.secrets = Object.fromEntries(secrets.map((s) => [s, { file: `./secrets/${s}` }]));
  const doc = new Document(top);
  // Secrets the app reads from its environment: passed from .env, never written here.
  // The suppression is deliberate and says why (`docker-scaffold check` honours it).
  for (const app of apps) {
    const envNode = doc.getIn(["services", app.plan.answers.name, "environment"], true);
    if (!isMap(envNode)) continue;
    for (const pair of envNode.items) {
      const entry = app.env.find((e) => isScalar(pair.key) && e.name === pair.key.value);
      if (entry?.secret && isScalar(pair.key)) {
        pair.key.commentBefore = ` docker-scaffold ignore=CMP-SECRETS-FILE the app reads ${entry.name} from its environment; its value comes from .env (gitignored), never from this file`;
      }
    }
  }
  doc.commentBefore = header(apps, services, generator);
  return doc.toString({ lineWidth: 0 });
}

function header(apps: StackApp[], services: BackingService[], generator: string): string {
  const bind = apps[0]!.plan.answers.security.bindAddress;
  const names = apps.map((a) => a.plan.answers.name).join(", ");
  const many = apps.length > 1;
  const lines = [
    ` ${names}: generated by ${generator}; \`make compose-up\` builds and starts ${many ? "them" : "it"}.`,
    ` Hardened: non-root user, read-only root filesystem (tmpfs for /tmp), all capabilities`,
    ` dropped, no-new-privileges, CPU/memory/pids limits, bounded restarts, ${many ? "ports" : "the port"} bound to`,
    ` ${bind} only. Values come from .env (see env.example).`,
    ` The health check ${many ? "of each app is its image's" : "is the image's"} own HEALTHCHECK (see Dockerfile): one definition,`,
    ` which compose and depends_on (condition: service_healthy) use as it is.`,
  ];
  const secret = !many ? buildSecretFor(apps[0]!.plan.answers) : null;
  if (secret) {
    lines.splice(
      1,
      0,
      ` The install step needs the ${secret.id} build secret: \`make compose-up\` builds the image with`,
      ` \`docker build --secret\` and starts it with --no-build (docker-compose 1.29 has no build secrets;`,
      ` README.Docker.md shows build.secrets for Compose v2).`,
    );
  }
  if (services.length) {
    lines.push(
      ` Backing services (${services.join(", ")}): pinned images, each with its own healthcheck and`,
      ` named volume${hasDataTier(services) ? "; data stores only on the internal network `backend` (no published port)" : ""}.`,
    );
    if (serviceSecrets(services).length) lines.push(" Passwords are files in ./secrets/ (gitignored), mounted as compose secrets: run `make secrets` first.");
  }
  return lines.join("\n");
}

export function renderCompose(plan: Plan): string {
  const app: StackApp = { plan, context: ".", hostPortVar: "HOST_PORT", hostPort: plan.answers.port, env: plan.env };
  return renderStack([app], plan.answers.services, plan.generator.name);
}

/**
 * docker-compose.dev.yml: layered on docker-compose.yml by `make dev`. It keeps every
 * hardening setting of the base file (Compose merges the two) and changes only the target,
 * the image tag, the read-only source mounts and the writable paths of the dev server.
 */
export function renderComposeDev(plan: Plan): string {
  const a = plan.answers;
  const t = devTarget(a, plan.hints);
  // dclint order: image, build | volumes | environment | everything else alphabetically.
  const service: Record<string, unknown> = {
    image: `${a.name}:local-dev`,
    build: { target: "dev" },
    volumes: t.mounts,
  };
  if (Object.keys(t.environment).length) service.environment = Object.fromEntries(Object.entries(t.environment).map(([k, v]) => [k, quoted(v)]));
  if (t.memory) service.mem_limit = t.memory;
  service.pull_policy = "build";
  if (t.writable.length) {
    // Added to the base file's tmpfs list (Compose merges tmpfs entries).
    service.tmpfs = t.writable.map((w) => `${w.path}:rw,${w.exec ? "exec" : "noexec"},nosuid,size=512m,mode=1777`);
  }
  const doc = new Document({
    services: { [a.name]: service },
    ...(t.namedVolumes ? { volumes: Object.fromEntries(Object.keys(t.namedVolumes).map((n) => [n, {}])) } : {}),
  });
  doc.commentBefore =
    ` ${a.name}, development: \`make dev\` runs\n` +
    `   docker compose -f docker-compose.yml -f ${COMPOSE_DEV_FILE} up --build\n` +
    ` Layered on docker-compose.yml, whose hardening it keeps (non-root user, read-only root,\n` +
    ` no capabilities, no-new-privileges, limits), it builds the Dockerfile's \`dev\` target and\n` +
    ` mounts the sources read-only: ${t.reload.replace(/`/g, "")} picks up a change without a rebuild.\n` +
    ` Not named docker-compose.override.yml on purpose: Compose merges that file into every\n` +
    ` \`docker compose up\`, so \`make compose-up\` would start the dev server instead of production.`;
  return doc.toString({ lineWidth: 0 });
}
