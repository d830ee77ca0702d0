// Conventional production commands per stack: the start command when none was given,
// and the build step for stacks that compile (TypeScript, Next.js, Go).
import type { Answers } from "./answers.js";

type Partial = Pick<Answers, "language" | "framework" | "packageManager" | "port">;

/** The production server command for a framework, or null when there is no convention. */
export function defaultStartCommand(a: Partial): string[] | null {
  const bind = `0.0.0.0:${a.port}`;
  // gunicorn: heartbeat files in /dev/shm (tmpfs) rather than the read-only root; logs to stdout.
  const gunicorn = ["gunicorn", "--bind", bind, "--workers", "2", "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-"];
  switch (`${a.language}/${a.framework}`) {
    case "python/flask":
      return [...gunicorn, "app:app"];
    case "python/django":
      return [...gunicorn, "config.wsgi:application"];
    case "python/fastapi":
      return ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", String(a.port), "--proxy-headers"];
    case "node/express":
    case "node/fastify":
      return ["node", "src/server.js"];
    case "node/nestjs":
      return ["node", "dist/main.js"];
    case "node/nextjs":
      return ["node", "server.js"];
  }
  if (a.language === "go") return ["/app/server"];
  return null;
}

/** The build step, run in the build stage after the sources are copied; null when none. */
export function defaultBuildCommand(a: Partial): string[] | null {
  if (a.language === "node" && (a.framework === "nestjs" || a.framework === "nextjs")) {
    return a.packageManager === "yarn" ? ["yarn", "build"] : [a.packageManager, "run", "build"];
  }
  if (a.language === "go") {
    return ["go", "build", "-trimpath", "-ldflags=-s -w", "-o", "/out/server", "."];
  }
  return null;
}
