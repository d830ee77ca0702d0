// Backing services compose can add next to the app (issue 6): each a pinned image, its own
// healthcheck, a named volume, the hardening its image allows, and its password in a
// compose secret (a file under ./secrets/, made by `make secrets`), never a literal.
// Tables only: compose.ts prints them, validate.ts checks names against them.

export const BACKING_SERVICES = ["postgres", "redis", "prometheus", "grafana"] as const;
export type BackingService = (typeof BACKING_SERVICES)[number];

/** Where the service sits: data stores on the internal network only; monitoring next to the app. */
export type ServiceTier = "data" | "monitoring";

export interface ServiceSpec {
  /** Image pinned to an explicit version tag (RULEBOOK CMP-IMAGE-PINNED). */
  image: string;
  tier: ServiceTier;
  /** The port it listens on inside the network. */
  port: number;
  /** Published on the loopback address (monitoring UIs); data stores are never published. */
  publish: boolean;
  /** Named volume -> mount path. */
  volume: { name: string; path: string };
  /** The compose secret holding its password, or null. */
  secret: string | null;
  /** Non-root uid:gid to run as, or null when the image's entrypoint must start as root and drop to its own user. */
  user: string | null;
  /** Capabilities the root entrypoint needs to drop to its own user (everything else is dropped). */
  capAdd: string[];
  /** Writable paths on the read-only root. */
  tmpfs: string[];
  memory: string;
  /** Why it is set up this way, for README.Docker.md. */
  note: string;
}

export const SERVICE_SPECS: Record<BackingService, ServiceSpec> = {
  postgres: {
    image: "postgres:17.2-bookworm",
    tier: "data",
    port: 5432,
    publish: false,
    volume: { name: "postgres-data", path: "/var/lib/postgresql/data" },
    secret: "postgres_password",
    // The official entrypoint starts as root to create and chown its socket directory (a
    // tmpfs here: the root filesystem is read-only) and the data directory, then runs
    // postgres as its own user (uid 999, through gosu). It keeps only the five capabilities
    // that needs; the server itself runs unprivileged with none.
    user: null,
    capAdd: ["CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID"],
    tmpfs: ["/tmp:rw,noexec,nosuid,size=64m", "/var/run/postgresql:rw,noexec,nosuid,size=16m"],
    memory: "512m",
    note: "postgres: the entrypoint starts as root only to chown its socket and data directories, then runs the server as the postgres user (999); it keeps CHOWN, DAC_OVERRIDE, FOWNER, SETGID and SETUID for that and drops every other capability; the password comes from a secret file (POSTGRES_PASSWORD_FILE)",
  },
  redis: {
    image: "redis:7.4.1-bookworm",
    tier: "data",
    port: 6379,
    publish: false,
    volume: { name: "redis-data", path: "/data" },
    secret: "redis_password",
    // The image's redis user (uid 999) owns /data: no root start, no capabilities.
    user: "999:999",
    capAdd: [],
    tmpfs: ["/tmp:rw,noexec,nosuid,size=16m"],
    memory: "256m",
    note: "redis: runs as the image's redis user (999) with no capabilities; the password is read from the secret file at start (`--requirepass`)",
  },
  prometheus: {
    image: "prom/prometheus:v3.0.1",
    tier: "monitoring",
    port: 9090,
    publish: true,
    volume: { name: "prometheus-data", path: "/prometheus" },
    secret: null,
    // The image runs as nobody (65534), which owns /prometheus.
    user: "65534:65534",
    capAdd: [],
    tmpfs: ["/tmp:rw,noexec,nosuid,size=16m"],
    memory: "512m",
    note: "prometheus: runs as nobody (65534), scrapes the app's /metrics with prometheus/prometheus.yml (read-only); the healthcheck uses the busybox wget the image ships",
  },
  grafana: {
    image: "grafana/grafana:11.3.1",
    tier: "monitoring",
    port: 3000,
    publish: true,
    volume: { name: "grafana-data", path: "/var/lib/grafana" },
    secret: "grafana_admin_password",
    // The image's grafana user (472) owns /var/lib/grafana.
    user: "472:0",
    capAdd: [],
    tmpfs: ["/tmp:rw,noexec,nosuid,size=64m"],
    memory: "512m",
    note: "grafana: runs as its own user (472); the admin password comes from a secret file (GF_SECURITY_ADMIN_PASSWORD__FILE); Prometheus is provisioned as its data source",
  },
};

export function isBackingService(name: string): name is BackingService {
  return (BACKING_SERVICES as readonly string[]).includes(name);
}

/** The services in their canonical order (the order of BACKING_SERVICES). */
export function orderedServices(services: readonly string[]): BackingService[] {
  return BACKING_SERVICES.filter((s) => services.includes(s));
}

/** Secrets the services need, in order. */
export function serviceSecrets(services: readonly string[]): string[] {
  return orderedServices(services).flatMap((s) => (SERVICE_SPECS[s].secret ? [SERVICE_SPECS[s].secret!] : []));
}

/** Whether the stack needs the internal network (a data store is there). */
export function hasDataTier(services: readonly string[]): boolean {
  return orderedServices(services).some((s) => SERVICE_SPECS[s].tier === "data");
}
