// Backing services the app clearly uses: a database or cache driver among its runtime
// dependencies. ORMs alone (Prisma, SQLAlchemy, GORM) do not say which database.
import type { AppContext } from "./context.js";
import { getRecord, getString } from "./parse.js";
import { found, notFound, type Finding } from "./types.js";

/** service -> driver packages, per ecosystem. */
export const SERVICE_DRIVERS: Record<string, Record<"node" | "python" | "go", string[]>> = {
  postgres: {
    node: ["pg", "postgres", "pg-promise", "@vercel/postgres"],
    python: ["psycopg", "psycopg2", "psycopg2-binary", "psycopg-binary", "asyncpg", "pg8000"],
    go: ["github.com/lib/pq", "github.com/jackc/pgx", "github.com/jackc/pgx/v4", "github.com/jackc/pgx/v5", "gorm.io/driver/postgres"],
  },
  redis: {
    node: ["redis", "ioredis", "bullmq", "bull"],
    python: ["redis", "aioredis", "rq"],
    go: ["github.com/redis/go-redis/v9", "github.com/go-redis/redis", "github.com/go-redis/redis/v8", "github.com/gomodule/redigo"],
  },
};

/** service -> images that run it in the project's own compose file. */
export const SERVICE_IMAGES: Record<string, RegExp> = {
  postgres: /^(?:docker\.io\/)?(?:library\/)?(?:postgres|postgis\/postgis|bitnami\/postgresql)(?::|@|$)/,
  redis: /^(?:docker\.io\/)?(?:library\/)?(?:redis|bitnami\/redis|valkey\/valkey|redis\/redis-stack-server)(?::|@|$)/,
};

const COMPOSE_FILES = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];

/**
 * `dependencies` maps a package name to the file that lists it ("package.json"). A driver
 * among them, or the service's image in the project's compose file, says it is used.
 */
export async function detectServices(ctx: AppContext, ecosystem: "node" | "python" | "go", dependencies: Map<string, string>): Promise<Finding<string[]>> {
  const evidence = new Map<string, string[]>();
  const add = (service: string, line: string) => evidence.set(service, [...(evidence.get(service) ?? []), line]);
  for (const [service, drivers] of Object.entries(SERVICE_DRIVERS)) {
    const hit = drivers[ecosystem].find((driver) => dependencies.has(driver));
    if (hit) add(service, `${dependencies.get(hit)}: ${hit}`);
  }
  const compose = await ctx.findUp(COMPOSE_FILES);
  const loaded = compose ? await ctx.loadAt(compose, "yaml") : null;
  const composeServices = loaded?.status === "ok" ? getRecord(loaded.value, "services") : undefined;
  for (const [name, definition] of Object.entries(composeServices ?? {})) {
    const image = getString(definition, "image");
    if (!image) continue;
    for (const [service, pattern] of Object.entries(SERVICE_IMAGES)) {
      if (pattern.test(image)) add(service, `${compose}: services.${name}.image = ${image}`);
    }
  }
  const services = Object.keys(SERVICE_DRIVERS).filter((service) => evidence.has(service));
  return services.length > 0
    ? found(services, ...services.flatMap((service) => evidence.get(service)!))
    : notFound("no database or cache driver among the runtime dependencies, and no such image in a compose file");
}
