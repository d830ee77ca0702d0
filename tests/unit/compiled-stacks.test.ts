// Rust and Java defaults (issue 6): the build and start commands the templates rely on.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { defaultBuildCommand, defaultStartCommand, springLauncher, springUsesTools } from "../../src/model/start-commands.js";
import { hintsFromExtra } from "../../src/model/hints.js";

const rust = { language: "rust" as const, framework: "axum", packageManager: "cargo", port: 3000 };
const java = (framework: string, packageManager = "maven") => ({ language: "java" as const, framework, packageManager, port: 8080 });

describe("Rust", () => {
  it("builds --release --locked, the detected binary, and runs /app/server", () => {
    expect(defaultBuildCommand(rust)).toEqual(["cargo", "build", "--release", "--locked"]);
    expect(defaultBuildCommand(rust, { rustBin: "api" })).toEqual(["cargo", "build", "--release", "--locked", "--bin", "api"]);
    expect(defaultStartCommand(rust)).toEqual(["/app/server"]);
  });

  it("drops --locked only when detection found no Cargo.lock", () => {
    expect(defaultBuildCommand(rust, hintsFromExtra({ cargoLock: false }))).toEqual(["cargo", "build", "--release"]);
    expect(defaultBuildCommand(rust, hintsFromExtra({ cargoLock: true }))).toContain("--locked");
  });

  it("keeps only target paths that are safe to print in a RUN line", () => {
    expect(hintsFromExtra({ rustTargets: ["src/bin/api.rs", "../x.rs", "/etc/a.rs", "src/a b.rs", "src/lib.rs"] }).rustTargets).toEqual(["src/bin/api.rs", "src/lib.rs"]);
    expect(hintsFromExtra({ rustBin: "api; rm -rf /" }).rustBin).toBeUndefined();
  });
});

describe("Java", () => {
  it("Spring Boot: 3.3+ runs application.jar (tools jar mode), older the launcher of its version", () => {
    expect(springUsesTools(undefined)).toBe(true);
    expect(springUsesTools("3.3")).toBe(true);
    expect(springUsesTools("4.0")).toBe(true);
    expect(springUsesTools("3.2")).toBe(false);
    expect(springLauncher("3.2")).toBe("org.springframework.boot.loader.launch.JarLauncher");
    expect(springLauncher("3.1")).toBe("org.springframework.boot.loader.JarLauncher");
    expect(springLauncher("2.7")).toBe("org.springframework.boot.loader.JarLauncher");
    expect(defaultStartCommand(java("spring-boot"))).toEqual(["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/application.jar"]);
    expect(defaultStartCommand(java("spring-boot"), { springBootVersion: "3.2" })).toEqual(["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]);
    expect(defaultStartCommand(java("quarkus"))?.slice(-2)).toEqual(["-jar", "/app/quarkus-run.jar"]);
    expect(defaultStartCommand(java("none"))?.slice(-2)).toEqual(["-jar", "/app/app.jar"]);
  });

  it("uses the wrapper when the repository has one, and skips tests in the image build", () => {
    expect(defaultBuildCommand(java("spring-boot"))).toEqual(["mvn", "-B", "--no-transfer-progress", "package", "-DskipTests"]);
    expect(defaultBuildCommand(java("spring-boot"), { javaWrapper: true })?.slice(0, 2)).toEqual(["sh", "./mvnw"]);
    expect(defaultBuildCommand(java("spring-boot", "gradle"), { javaWrapper: true })).toEqual(["sh", "./gradlew", "--no-daemon", "--console=plain", "bootJar", "-x", "test"]);
    expect(defaultBuildCommand(java("quarkus", "gradle"))).toEqual(["gradle", "--no-daemon", "--console=plain", "quarkusBuild", "-x", "test"]);
    expect(defaultBuildCommand(java("none", "gradle"))?.[3]).toBe("jar");
  });

  it("a Spring Boot version is a hint only in major.minor form", () => {
    expect(hintsFromExtra({ springBootVersion: "3.1" }).springBootVersion).toBe("3.1");
    expect(hintsFromExtra({ springBootVersion: "3.1.0\nRUN x" }).springBootVersion).toBeUndefined();
  });
});

describe("options not available for Rust and Java yet", () => {
  it.each([
    ["rust-axum", "--pin-digests", /pinning base images by digest is not yet supported for rust/],
    ["java-spring-maven", "--pin-digests", /pinning base images by digest is not yet supported for java/],
    ["rust-axum", "--dev", /a development target is not available for rust yet/],
    ["java-spring-maven", "--dev", /a development target is not available for java yet/],
  ])("%s %s: refused with exit 2, nothing written", async (preset, flag, message) => {
    const dir = tempDir("ds-compiled-");
    const r = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", preset, flag], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });
});
