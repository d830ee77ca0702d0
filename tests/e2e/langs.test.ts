// End-to-end, in the container lab, for the Rust and Java stacks (issue 6), the same way as
// presets.test.ts: scaffold a small real app with `init --preset <name> --yes`, start it with
// the generated Makefile's compose-up, and probe it from outside.
//
// The lab cannot reach crates.io or Maven Central. Rust: the app is std-only, so the
// rust-axum and rust-actix presets are built on an app without axum or actix-web: the
// framework changes detection and defaults (port, labels), not the Dockerfile, which is what
// is built and run here. Java: see the skipped cases at the end.
import { appendFileSync, cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadPreset } from "../../src/presets/load-preset.js";
import { CLI, LAB_DIR, containerPid, containerRoot, must, processIdentity, sh, stepsCached, waitForHttp } from "./lab.js";

interface LangCase {
  name: string;
  preset: string;
  app: string;
  args: string[];
  hostPort: number;
  /** The one source file a source-only change touches. */
  touch: string;
  /** The dependency step, which a source-only change must not re-run. */
  install: RegExp;
}

const APPS = join(process.cwd(), "tests", "e2e", "apps");

// Host ports 18400-18449 belong to this file (other e2e files use other ranges).
const CASES: LangCase[] = [
  // The preset's own port (3000) and distroless cc; the app reads PORT.
  { name: "rust-axum", preset: "rust-axum", app: "rust-std", args: [], hostPort: 18400, touch: "src/main.rs", install: /printf 'fn main\(\) \{\}\\n' > src\/main\.rs/ },
  // actix-web's preset on Debian slim with uid 10001.
  { name: "rust-actix-slim", preset: "rust-actix", app: "rust-std", args: ["--base", "slim", "--uid", "10001"], hostPort: 18401, touch: "src/main.rs", install: /printf 'fn main\(\) \{\}\\n' > src\/main\.rs/ },
];

describe.each(CASES)("e2e $name", (c) => {
  const preset = loadPreset(c.preset, process.cwd());
  const presetAnswers = preset.answers as { port: number; healthPath: string | null; uid: number; gid: number };
  const uidArg = c.args.indexOf("--uid");
  const uid = uidArg >= 0 ? Number(c.args[uidArg + 1]) : presetAnswers.uid;
  const answers = { ...presetAnswers, uid, gid: uidArg >= 0 ? uid : presetAnswers.gid };
  let dir = "";
  let id = "";
  let pid = 0;
  let service = "";
  const compose = { COMPOSE_PROJECT_NAME: `langs-${c.name}-${process.pid}` };

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), "langs-e2e-")), c.name);
    cpSync(join(APPS, c.app), dir, { recursive: true, filter: (src) => !/\/target$/.test(src) });
    await must("node", [CLI, "init", "--preset", c.preset, ...c.args, "--yes"], dir);
    const env = readFileSync(join(dir, "env.example"), "utf8").replace(/^HOST_PORT=.*$/m, `HOST_PORT=${c.hostPort}`);
    writeFileSync(join(dir, ".env"), env);
    await must(join(LAB_DIR, "prepare"), ["Dockerfile"], dir);
    await must("make", ["compose-up"], dir, compose);
    service = Object.keys((parse(readFileSync(join(dir, "docker-compose.yml"), "utf8")) as { services: object }).services)[0]!;
    id = (await must("docker-compose", ["ps", "-q", service], dir, compose)).trim();
    expect(id).toMatch(/^[0-9a-f]{12,}$/);
    pid = await containerPid(id, dir);
  });

  afterAll(async () => {
    if (dir && existsSync(dir)) {
      await sh("make", ["compose-down"], dir, compose);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("built the binary detection named (package hello-rs), not one named after the folder", () => {
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toContain("cp target/release/hello-rs /out/server");
  });

  it("answers HTTP 200 on its health path through the published port", async () => {
    const res = await waitForHttp(`http://127.0.0.1:${c.hostPort}${answers.healthPath ?? "/"}`, 120_000);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: "ok" });
  });

  it("passes its own HEALTHCHECK (the std-only probe), and the probe fails when nothing listens", async () => {
    const r = await sh(join(LAB_DIR, "healthcheck"), [id], dir);
    expect(r.out).not.toMatch(/unhealthy/);
    expect(r.code, r.out).toBe(0);
    // The probe can fail: the app answers 200 to every path, so a closed port is the failing case.
    const closed = await sh("docker", ["exec", id, "/app/healthcheck", "http://127.0.0.1:1/health"], dir);
    expect(closed.code).not.toBe(0);
  });

  it("runs as the configured non-zero uid, with no capabilities and a read-only root", async () => {
    const who = processIdentity(pid);
    expect(who.uid).toBe(answers.uid);
    expect(who.gid).toBe(answers.gid);
    expect(who.uid).not.toBe(0);
    expect(who.capEff).toBe("0000000000000000");
    expect((await must("docker", ["inspect", "-f", "{{.HostConfig.ReadonlyRootfs}}", id], dir)).trim()).toBe("true");
    const mounts = readFileSync(`/proc/${pid}/mounts`, "utf8").split("\n").find((l) => l.split(" ")[1] === "/");
    expect(mounts?.split(" ")[3]?.split(",")).toContain("ro");
  });

  it("cannot write to its own application files", () => {
    const appDir = join(containerRoot(pid), "app");
    const offenders: string[] = [];
    let seen = 0;
    for (const name of readdirSync(appDir)) {
      const p = join(appDir, name);
      const st = lstatSync(p);
      seen++;
      if (st.uid === answers.uid || (st.mode & 0o002) !== 0) offenders.push(p);
    }
    expect(seen).toBe(2); // server and healthcheck, nothing else
    expect(offenders).toEqual([]);
  });

  it("stops on SIGTERM within 5 seconds, not killed (exit code is not 137)", async () => {
    const r = await sh("docker", ["stop", "-t", "5", id], dir);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(5000);
    const code = Number(await must("docker", ["inspect", "-f", "{{.State.ExitCode}}", id], dir));
    expect(code).not.toBe(137);
  });

  it("rebuilds after a one-file source change without re-running the dependency step, and ships the change", async () => {
    const line = `source-only change ${Date.now()} ${Math.random()}`;
    appendFileSync(join(dir, c.touch), `\n// ${line}\n`);
    // A visible change too: the greeting default, so the new binary can be told from the old one.
    const main = readFileSync(join(dir, "src/main.rs"), "utf8").replace('"hello from rust"', '"hello after the change"');
    writeFileSync(join(dir, "src/main.rs"), main);
    const out = await must("docker-compose", ["build", service], dir, compose);
    const deps = stepsCached(out, c.install);
    expect(deps.length, `no step matched ${c.install} in:\n${out.slice(-3000)}`).toBeGreaterThan(0);
    expect(deps.every(Boolean), out.slice(-3000)).toBe(true);
    const copies = stepsCached(out, /STEP \d+\/\d+: COPY \. \./);
    expect(copies.some((cached) => !cached), out.slice(-3000)).toBe(true);
    // The rebuilt image runs the new code (the stub's build did not win over the sources).
    await must("docker-compose", ["up", "-d", service], dir, compose);
    const res = await waitForHttp(`http://127.0.0.1:${c.hostPort}/`, 60_000);
    expect(JSON.parse(res.body)).toEqual({ message: "hello after the change" });
  });
});

/**
 * Java in the lab: the maven stand-in has OpenJDK 17 and Maven 3.8 but no plugins in its
 * local repository, and Maven Central is unreachable, so `mvn package` (resources, compiler,
 * jar plugins) cannot run; Gradle and the wrappers download their distribution. The Java
 * Dockerfiles are rendered and checked (goldens, check, oracles); their `healthcheck` stage
 * (the probe class compiled with javac) is built below.
 */
it.skip("e2e java-spring-maven: not buildable in the container lab: Spring Boot and Maven's plugins come from Maven Central, which the lab cannot reach", () => {});
it.skip("e2e java-spring-gradle: not buildable in the container lab: Gradle (image or wrapper) and Spring Boot come from services.gradle.org and Maven Central, which the lab cannot reach", () => {});

// What of the Java Dockerfile the lab can build: its healthcheck stage (the probe class,
// compiled with javac in the Maven stand-in), run on the JRE stand-in of the final stage.
describe("e2e java-plain-maven: the healthcheck stage only", () => {
  let dir = "";
  const tag = `langs-java-probe-${process.pid}`;

  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), "langs-e2e-")), "java-plain");
    cpSync(join(APPS, "java-plain"), dir, { recursive: true });
    await must("node", [CLI, "init", "--language", "java", "--framework", "none", "--package-manager", "maven", "--runtime-version", "17", "--yes"], dir);
    await must(join(LAB_DIR, "prepare"), ["Dockerfile"], dir);
    await must("docker", ["build", "--target", "healthcheck", "-t", tag, "."], dir);
  });

  afterAll(async () => {
    await sh("docker", ["rmi", "-f", tag], dir || tmpdir());
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("detection filled the answers: Java 17 from maven.compiler.release, /health from the code, the probe in HEALTHCHECK", () => {
    const dockerfile = readFileSync(join(dir, "Dockerfile"), "utf8");
    expect(dockerfile).toContain("ARG JAVA_VERSION=17");
    expect(dockerfile).toContain('"Probe", "http://127.0.0.1:8080/health"]');
    expect(dockerfile).toContain('CMD ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]');
  });

  it("the compiled probe runs on the JRE with -cp /probe: exit 1 when nothing listens, 0 on a 200", async () => {
    const probe = (await must("docker", ["create", tag], dir)).trim();
    const out = join(dir, "probe-out");
    await must("docker", ["cp", `${probe}:/out/probe`, out], dir);
    await sh("docker", ["rm", probe], dir);
    // Not `docker run --rm`: with it the lab's docker client reported 0 for a probe that exited 1.
    let n = 0;
    const probeExit = async (target: string): Promise<number> => {
      const name = `${tag}-${n++}`;
      const r = await sh("docker", ["run", "--name", name, "--network", "host", "-v", `${out}:/probe:ro`, "eclipse-temurin:17-jre", "java", "-Xmx32m", "-cp", "/probe", "Probe", target], dir);
      await sh("docker", ["rm", "-f", name], dir);
      return r.code;
    };
    expect(await probeExit("http://127.0.0.1:1/health")).toBe(1);
    expect(await probeExit("127.0.0.1:1")).toBe(1);
    // A listener of this test process, on the host network: 200 on /health, 503 elsewhere.
    const server = createServer((req, res) => res.writeHead(req.url === "/health" ? 200 : 503).end());
    await new Promise<void>((ready) => server.listen(18449, "127.0.0.1", ready));
    try {
      expect(await probeExit("http://127.0.0.1:18449/health")).toBe(0);
      expect(await probeExit("http://127.0.0.1:18449/down")).toBe(1);
      expect(await probeExit("127.0.0.1:18449")).toBe(0);
    } finally {
      server.close();
    }
  });
});
