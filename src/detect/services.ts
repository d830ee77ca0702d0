// Backing services the app clearly uses: a database or cache driver among its runtime
// dependencies. ORMs alone (Prisma, SQLAlchemy, GORM) do not say which database.
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

/** `dependencies` maps a package name to the file that lists it ("package.json"). */
export function detectServices(ecosystem: "node" | "python" | "go", dependencies: Map<string, string>): Finding<string[]> {
  const services: string[] = [];
  const evidence: string[] = [];
  for (const [service, drivers] of Object.entries(SERVICE_DRIVERS)) {
    const hit = drivers[ecosystem].find((driver) => dependencies.has(driver));
    if (hit) {
      services.push(service);
      evidence.push(`${dependencies.get(hit)}: ${hit}`);
    }
  }
  return services.length > 0 ? found(services, ...evidence) : notFound("no database or cache driver among the runtime dependencies");
}
