// The variables env.example documents and compose passes to the app: the host port
// compose publishes on, plus what the framework reads.
import type { Answers } from "./answers.js";
import type { EnvEntry } from "./plan.js";
import { SERVICE_SPECS, orderedServices } from "./services.js";

/** A variable the app reads, as detection found it. */
export interface AppEnvVar {
  name: string;
  secret: boolean;
  sources: string[];
  default?: string;
}

/** Set by the image itself (Dockerfile ENV) or by the container runtime: not asked of the user. */
const MANAGED = new Set(["PORT", "HOST", "HOSTNAME", "NODE_ENV", "PATH", "HOME", "PWD", "VIRTUAL_ENV", "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "HOST_PORT", "NEXT_TELEMETRY_DISABLED"]);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SAFE_VALUE = /^[^\s#"'$`\\]*$/;

export function envEntries(a: Answers, appVars: readonly AppEnvVar[] = []): EnvEntry[] {
  const entries: EnvEntry[] = [
    {
      name: "HOST_PORT",
      value: String(a.port),
      comment: `Port on ${a.security.bindAddress} that docker compose publishes the app on (the container listens on ${a.port}).`,
      secret: false,
      compose: null,
    },
  ];
  if (a.language === "python" && a.framework === "django") {
    entries.push(
      {
        name: "DJANGO_SECRET_KEY",
        value: "",
        comment: "Required. A long random string, e.g. python -c \"import secrets; print(secrets.token_urlsafe(50))\". Never commit it.",
        secret: true,
        compose: "${DJANGO_SECRET_KEY:?set DJANGO_SECRET_KEY in .env (see env.example)}",
      },
      {
        name: "DJANGO_ALLOWED_HOSTS",
        value: "localhost,127.0.0.1",
        comment: "Comma-separated host names Django answers to (127.0.0.1 is needed by the HEALTHCHECK).",
        secret: false,
        compose: "${DJANGO_ALLOWED_HOSTS:-localhost,127.0.0.1}",
      },
      {
        name: "DJANGO_DEBUG",
        value: "false",
        comment: "Never true in production.",
        secret: false,
        compose: "${DJANGO_DEBUG:-false}",
      },
    );
  }
  entries.push(...serviceEnvEntries(a.services, a.security.bindAddress, [a.port]));
  if (a.language === "go" && a.buildSecrets) {
    entries.push({
      name: "GOPRIVATE",
      value: "",
      comment: "Module path patterns fetched directly from their git host with the netrc build secret, e.g. github.com/acme/* (a build argument: not a secret).",
      secret: false,
      compose: null,
    });
  }
  const known = new Set(entries.map((e) => e.name));
  for (const v of appVars) {
    if (MANAGED.has(v.name) || known.has(v.name) || !ENV_NAME.test(v.name)) continue;
    known.add(v.name);
    const value = !v.secret && v.default !== undefined && SAFE_VALUE.test(v.default) ? v.default : "";
    const where = v.sources.slice(0, 3).join(", ") + (v.sources.length > 3 ? ", ..." : "");
    entries.push({
      name: v.name,
      value,
      comment: `${v.secret ? "Secret: fill in .env only. " : ""}Read by the app${where ? ` (${where})` : ""}.`.replace(/[\r\n]+/g, " "),
      secret: v.secret,
      // Passed through from .env; an unset variable reaches the app as empty.
      compose: `\${${v.name}:-${value}}`,
    });
  }
  return entries;
}

/** Host ports of the published backing services (monitoring UIs): their own port, or the next free one. */
export function servicePorts(services: readonly string[], taken: readonly number[]): Record<string, number> {
  const used = new Set(taken);
  const out: Record<string, number> = {};
  for (const s of orderedServices(services)) {
    const spec = SERVICE_SPECS[s];
    if (!spec.publish) continue;
    let port = spec.port;
    while (used.has(port)) port++;
    used.add(port);
    out[s] = port;
  }
  return out;
}

/**
 * What the backing services add to env.example: the app's connection URLs (written by
 * `make secrets`, which knows the generated passwords), the names compose creates, and
 * the host ports of the monitoring UIs.
 */
export function serviceEnvEntries(services: readonly string[], bind: string, appHostPorts: readonly number[]): EnvEntry[] {
  const list = orderedServices(services);
  const ports = servicePorts(list, appHostPorts);
  const out: EnvEntry[] = [];
  if (list.includes("postgres")) {
    out.push(
      { name: "POSTGRES_USER", value: "app", comment: "PostgreSQL role the postgres service creates on its first start (and the app connects as).", secret: false, compose: null },
      { name: "POSTGRES_DB", value: "app", comment: "PostgreSQL database the postgres service creates on its first start.", secret: false, compose: null },
      {
        name: "DATABASE_URL",
        value: "",
        comment: "Secret: written by `make secrets` as postgresql://POSTGRES_USER:<secrets/postgres_password>@postgres:5432/POSTGRES_DB. The postgres service reads the same password from the file (POSTGRES_PASSWORD_FILE).",
        secret: true,
        compose: "${DATABASE_URL:?run make secrets (it writes DATABASE_URL to .env)}",
      },
    );
  }
  if (list.includes("redis")) {
    out.push({
      name: "REDIS_URL",
      value: "",
      comment: "Secret: written by `make secrets` as redis://:<secrets/redis_password>@redis:6379/0. The redis service reads the same password from the file.",
      secret: true,
      compose: "${REDIS_URL:?run make secrets (it writes REDIS_URL to .env)}",
    });
  }
  if (list.includes("prometheus")) {
    out.push({ name: "PROMETHEUS_PORT", value: String(ports.prometheus), comment: `Port on ${bind} that docker compose publishes Prometheus on (it scrapes the app's /metrics).`, secret: false, compose: null });
  }
  if (list.includes("grafana")) {
    out.push(
      { name: "GRAFANA_PORT", value: String(ports.grafana), comment: `Port on ${bind} that docker compose publishes Grafana on.`, secret: false, compose: null },
      { name: "GRAFANA_ADMIN_USER", value: "admin", comment: "Grafana's admin user; its password is secrets/grafana_admin_password (written by `make secrets`).", secret: false, compose: null },
    );
  }
  return out;
}
