// Conventional production commands per stack: the start command when none was given,
// and the build step for stacks that compile (TypeScript, Next.js, Go).
import type { Answers } from "./answers.js";
import type { StackHints } from "./hints.js";

type Partial = Pick<Answers, "language" | "framework" | "packageManager" | "port">;

/** The production server command for a framework, or null when there is no convention. */
export function defaultStartCommand(a: Partial, hints: StackHints = {}): string[] | null {
  const bind = `0.0.0.0:${a.port}`;
  // gunicorn: heartbeat files in /dev/shm (tmpfs) rather than the read-only root; logs to stdout.
  const gunicorn = ["gunicorn", "--bind", bind, "--workers", "2", "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-"];
  switch (`${a.language}/${a.framework}`) {
    case "python/flask":
      return [...gunicorn, hints.appTarget ?? "app:app"];
    case "python/django":
      return [...gunicorn, hints.appTarget ?? "config.wsgi:application"];
    case "python/fastapi": {
      const target = (hints.appTarget ?? "app.main:app").replace(/\(\)$/, "");
      return ["uvicorn", target, ...(hints.appFactory ? ["--factory"] : []), "--host", "0.0.0.0", "--port", String(a.port), "--proxy-headers"];
    }
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
export function defaultBuildCommand(a: Partial, hints: StackHints = {}): string[] | null {
  if (a.language === "node" && (a.framework === "nestjs" || a.framework === "nextjs")) {
    return a.packageManager === "yarn" ? ["yarn", "build"] : [a.packageManager, "run", "build"];
  }
  if (a.language === "go") {
    return ["go", "build", ...(hints.goVendor ? ["-mod=vendor"] : []), "-trimpath", "-ldflags=-s -w", "-o", "/out/server", hints.goMain ?? "."];
  }
  return null;
}
