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
  if (a.language === "go" || a.language === "rust") return ["/app/server"];
  if (a.language === "java") return javaStartCommand(a.framework, hints);
  return null;
}

/** Container-aware JVM flags: the heap follows the memory limit, and an OOM ends the process (compose restarts it). */
export const JVM_FLAGS = ["-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError"];

/** Spring Boot 3.3+ extracts with the `tools` jar mode (`java -jar application.jar`); older releases with `layertools` (a launcher class). */
export function springUsesTools(version: string | undefined): boolean {
  const [major = 3, minor = 3] = (version ?? "3.3").split(".").map(Number);
  return major > 3 || (major === 3 && minor >= 3);
}

/** Spring Boot's launcher class after a `layertools` extraction: moved to `...loader.launch` in Boot 3.2. */
export function springLauncher(version: string | undefined): string {
  const [major = 3, minor = 2] = (version ?? "3.2").split(".").map(Number);
  return major > 3 || (major === 3 && minor >= 2) ? "org.springframework.boot.loader.launch.JarLauncher" : "org.springframework.boot.loader.JarLauncher";
}

function javaStartCommand(framework: string, hints: StackHints): string[] {
  // Layered Spring Boot: the extracted layers sit in /app (application.jar and lib/ on 3.3+, the exploded jar and its launcher before).
  if (framework === "spring-boot") {
    return springUsesTools(hints.springBootVersion) ? ["java", ...JVM_FLAGS, "-jar", "/app/application.jar"] : ["java", ...JVM_FLAGS, springLauncher(hints.springBootVersion)];
  }
  if (framework === "quarkus") return ["java", ...JVM_FLAGS, "-jar", "/app/quarkus-run.jar"];
  return ["java", ...JVM_FLAGS, "-jar", "/app/app.jar"];
}

/** The build step, run in the build stage after the sources are copied; null when none. */
export function defaultBuildCommand(a: Partial, hints: StackHints = {}): string[] | null {
  if (a.language === "node" && (a.framework === "nestjs" || a.framework === "nextjs")) {
    return a.packageManager === "yarn" ? ["yarn", "build"] : [a.packageManager, "run", "build"];
  }
  if (a.language === "go") {
    return ["go", "build", ...(hints.goVendor ? ["-mod=vendor"] : []), "-trimpath", "-ldflags=-s -w", "-o", "/out/server", hints.goMain ?? "."];
  }
  if (a.language === "rust") {
    return ["cargo", "build", "--release", ...(hints.rustNoLock ? [] : ["--locked"]), ...(hints.rustBin ? ["--bin", hints.rustBin] : [])];
  }
  if (a.language === "java") return javaBuildCommand(a, hints);
  return null;
}

/** Package the app, tests skipped (they belong in CI, not in the image build). */
function javaBuildCommand(a: Partial, hints: StackHints): string[] {
  if (a.packageManager === "gradle") {
    const gradle = hints.javaWrapper ? ["sh", "./gradlew"] : ["gradle"];
    const task = a.framework === "spring-boot" ? "bootJar" : a.framework === "quarkus" ? "quarkusBuild" : "jar";
    return [...gradle, "--no-daemon", "--console=plain", task, "-x", "test"];
  }
  const mvn = hints.javaWrapper ? ["sh", "./mvnw"] : ["mvn"];
  return [...mvn, "-B", "--no-transfer-progress", "package", "-DskipTests"];
}
