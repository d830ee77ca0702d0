// View models for the compiled stacks that build a binary or a jar in the image: Rust and
// Java. As in view.ts, TypeScript decides (images, stubs, output paths); templates print.
import { joinCommand } from "../model/command.js";
import { BASE_IMAGES, TOOL_VERSIONS } from "../model/defaults.js";
import type { Plan } from "../model/plan.js";
import { springUsesTools } from "../model/start-commands.js";
import { commonView } from "./view.js";

/** The binary `cargo build` writes: `--bin <name>` in the command, else the detected binary, else the app's name. */
export function rustBinName(plan: Plan): string {
  const argv = plan.answers.buildCommand ?? [];
  const flag = argv.indexOf("--bin");
  return (flag >= 0 ? argv[flag + 1] : undefined) ?? plan.hints.rustBin ?? plan.answers.name;
}

export function rustView(plan: Plan): object {
  const a = plan.answers;
  const images = BASE_IMAGES.rust;
  // The dependency-only layer builds stub sources at every target path Cargo.toml names.
  const stubs = [...new Set(["src/main.rs", ...(plan.hints.rustTargets ?? [])])];
  const stubDirs = [...new Set(stubs.map((p) => p.slice(0, p.lastIndexOf("/"))).filter(Boolean))];
  return {
    ...commonView(plan),
    images: { build: images.build, runtime: a.base === "distroless" ? images.distroless : images.slim },
    workspace: plan.hints.rustWorkspace === true,
    manifests: ["Cargo.toml", plan.hints.rustNoLock ? null : "Cargo.lock", plan.hints.rustBuildScript ? "build.rs" : null].filter(Boolean).join(" "),
    stubCommands: [`mkdir -p ${stubDirs.join(" ")}`, ...stubs.map((p) => `printf 'fn main() {}\\n' > ${p}`)],
    stubPaths: stubs.join(" "),
    buildRun: joinCommand(a.buildCommand ?? ["cargo", "build", "--release", "--locked"]),
    binName: rustBinName(plan),
  };
}

export function javaView(plan: Plan): object {
  const a = plan.answers;
  const images = BASE_IMAGES.java;
  const gradle = a.packageManager === "gradle";
  const wrapper = plan.hints.javaWrapper === true;
  const manifestCopies = gradle
    ? [...(wrapper ? ["gradlew settings.gradle* build.gradle* gradle.properties* ./", "gradle/ ./gradle/"] : ["settings.gradle* build.gradle* gradle.properties* ./"])]
    : [...(wrapper ? ["mvnw pom.xml ./", ".mvn/ ./.mvn/"] : ["pom.xml ./"])];
  const tool = gradle ? (wrapper ? ["sh", "./gradlew"] : ["gradle"]) : wrapper ? ["sh", "./mvnw"] : ["mvn"];
  // Resolving dependencies only: Maven's go-offline, Gradle's dependency report (output dropped).
  const resolveRun = gradle
    ? `${joinCommand([...tool, "--no-daemon", "--console=plain", "dependencies"])} > /dev/null`
    : joinCommand([...tool, "-B", "--no-transfer-progress", "dependency:go-offline"]);
  const toolVersionArg = wrapper ? null : gradle ? "GRADLE_VERSION" : "MAVEN_VERSION";
  return {
    ...commonView(plan),
    images: { build: wrapper ? images.jdk : gradle ? images.gradle : images.maven, runtime: a.base === "distroless" ? images.distroless : images.slim },
    isGradle: gradle,
    wrapper,
    wrapperName: gradle ? "gradlew" : "mvnw",
    buildTool: gradle ? "Gradle" : "Maven",
    toolVersionArg,
    toolVersion: gradle ? TOOL_VERSIONS.gradle : TOOL_VERSIONS.maven,
    manifestCopies,
    cacheDir: gradle ? "/gradle-home" : "/root/.m2",
    resolveRun,
    buildRun: joinCommand(a.buildCommand ?? [...tool, "package"]),
    outputDir: gradle ? "build/libs" : "target",
    quarkusDir: gradle ? "build/quarkus-app" : "target/quarkus-app",
    isSpring: a.framework === "spring-boot",
    springTools: springUsesTools(plan.hints.springBootVersion),
    isQuarkus: a.framework === "quarkus",
    isPlain: a.framework !== "spring-boot" && a.framework !== "quarkus",
  };
}

/** README.Docker.md notes for the compiled stacks: what the generated Dockerfile assumes, and the alternatives. */
export function stackNotes(plan: Plan): string[] {
  const a = plan.answers;
  if (a.language === "rust") {
    return [
      `The binary is \`target/release/${rustBinName(plan)}\`, installed as \`/app/server\`. Another binary: \`--build-command "cargo build --release --locked --bin NAME"\`.`,
      plan.hints.rustWorkspace
        ? "A workspace builds with cache mounts for the crate registry and `target/`: a source change recompiles only the crates that changed (BuildKit and Buildah keep the mounts between builds; a CI runner needs its own cache for them)."
        : "Dependencies are compiled in a layer of their own, from `Cargo.toml` and `Cargo.lock` with a stub `main`: a source change recompiles only this crate. Changing `Cargo.toml` (even its version) recompiles every crate.",
      "The HEALTHCHECK runs `/app/healthcheck`, a std-only probe built in the `healthcheck` stage. The alternative is a mode of your own binary: `if std::env::args().nth(1).as_deref() == Some(\"--health-check\")` connect to the port and exit 0/1, then `HEALTHCHECK CMD [\"/app/server\", \"--health-check\"]` and drop the `healthcheck` stage.",
      "The binary links glibc (Debian bookworm's, like the final image). For a static binary on `gcr.io/distroless/static-debian12`, build for `x86_64-unknown-linux-musl` (add the target with rustup and install `musl-tools`).",
      "Without a signal handler a Rust server ignores SIGTERM as PID 1: tini is PID 1 so `docker stop` works; with `tokio::signal` (axum `with_graceful_shutdown`, actix-web handles it itself) the server also drains its requests.",
    ];
  }
  if (a.language === "java") {
    const notes = [
      "The JVM gets `-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError` (in `CMD`): the heap follows the container's memory limit (compose `mem_limit`), and an out-of-memory JVM exits and is restarted.",
      "The HEALTHCHECK runs `java -cp /probe Probe <url>`: a probe class compiled in the `healthcheck` stage (a JRE cannot run `.java` sources), so no curl is needed.",
      "Tests are skipped in the image build (`-DskipTests` / `-x test`): run them in CI before `make docker-build`.",
    ];
    if (a.framework === "spring-boot") {
      notes.push(
        springUsesTools(plan.hints.springBootVersion)
          ? "Spring Boot 3.3+: the jar is extracted with `java -Djarmode=tools -jar application.jar extract --layers`, so dependencies, loader, snapshot dependencies and the application are separate layers; the app starts with `java -jar application.jar`."
          : "Spring Boot before 3.3: the jar is extracted with `-Djarmode=layertools`, so dependencies and the application are separate layers; the app starts with Boot's `JarLauncher`.",
        "The health path is Spring Boot Actuator's `/actuator/health` (add `spring-boot-starter-actuator`); with `management.server.port` set, the probe needs that port instead.",
      );
    } else if (a.framework === "quarkus") {
      notes.push("Quarkus's fast-jar layout (`quarkus-app/`) is copied libraries first; the app starts with `java -jar quarkus-run.jar`. Health: `quarkus-smallrye-health` serves `/q/health`.");
    } else {
      notes.push("The build's jar must run with `java -jar`: a `Main-Class` in its manifest and its dependencies inside it (maven-shade-plugin, Gradle's shadow plugin).");
    }
    return notes;
  }
  return [];
}
