// The Java detector: pom.xml or build.gradle(.kts) (read as text, never evaluated), the
// wrapper, Spring Boot / Quarkus and their versions, the Java release, the port from
// application.properties/yml, and routes and variables from the sources.
import { lineOf, type AppContext, type SourceFile } from "../context.js";
import { collectEnvFromFiles, EnvCollector } from "../env-vars.js";
import { decideHealth, healthRank } from "../health.js";
import type { MountedRoute } from "../mounts.js";
import { sanitiseName } from "../names.js";
import { decidePort, portEnvEvidence, portsFromCompose, portsFromDockerfile, portsFromDotenv, type PortCandidate } from "../ports.js";
import { found, notFound, type Finding, type LanguageResult } from "../types.js";

interface Build {
  tool: "maven" | "gradle";
  file: string;
  text: string;
}

/** Maven <properties> and compiler settings, Gradle toolchains and compatibility, in priority order. */
const VERSION_PATTERNS: { tool: Build["tool"]; regex: RegExp; label: string }[] = [
  { tool: "gradle", regex: /languageVersion(?:\.set\(|\s*=\s*)\s*JavaLanguageVersion\.of\(\s*["']?(\d+)/, label: "Java toolchain languageVersion" },
  { tool: "gradle", regex: /sourceCompatibility\s*=\s*(?:JavaVersion\.VERSION_(?:1_)?(\d+)|["']?(?:1\.)?(\d+))/, label: "sourceCompatibility" },
  { tool: "maven", regex: /<maven\.compiler\.release>\s*(?:1\.)?(\d+)\s*</, label: "maven.compiler.release" },
  { tool: "maven", regex: /<release>\s*(?:1\.)?(\d+)\s*<\/release>/, label: "maven-compiler-plugin <release>" },
  { tool: "maven", regex: /<java\.version>\s*(?:1\.)?(\d+)\s*</, label: "java.version" },
  { tool: "maven", regex: /<maven\.compiler\.target>\s*(?:1\.)?(\d+)\s*</, label: "maven.compiler.target" },
  { tool: "maven", regex: /<maven\.compiler\.source>\s*(?:1\.)?(\d+)\s*</, label: "maven.compiler.source" },
];

export async function detectJava(ctx: AppContext): Promise<LanguageResult> {
  const build = await readBuild(ctx);
  const missing = "no pom.xml or build.gradle(.kts)";
  if (!build) {
    const none = notFound(missing);
    return { framework: none, packageManager: none, runtimeVersion: none, port: none, startCommand: none, buildCommand: none, healthPath: none, name: none, services: none, env: [], extra: {} };
  }
  const text = stripXmlComments(build.text);
  const spring = /org\.springframework\.boot/.test(text);
  const quarkus = /io\.quarkus/.test(text);
  const framework: Finding<string> = spring
    ? found("spring-boot", `${build.file}: org.springframework.boot`)
    : quarkus ? found("quarkus", `${build.file}: io.quarkus`) : found("none", `${build.file}: no Spring Boot or Quarkus`);
  const bootVersion = spring ? springBootVersion(text) : null;

  const wrapperFile = build.tool === "maven" ? "mvnw" : "gradlew";
  const wrapper = await ctx.exists(wrapperFile);
  const packageManager = found(build.tool, `${build.file}: ${build.tool === "maven" ? "Maven" : "Gradle"} build${wrapper ? `; ${wrapperFile} is used` : ""}`);

  const versionHit = VERSION_PATTERNS.filter((p) => p.tool === build.tool).map((p) => ({ p, m: p.regex.exec(text) })).find((x) => x.m);
  const major = versionHit ? (versionHit.m![1] ?? versionHit.m![2])! : null;
  const runtimeVersion = major ? found(major, `${build.file}: ${versionHit!.p.label} = ${major}`) : notFound(`${build.file}: no Java release (maven.compiler.release, java.version, toolchain languageVersion, sourceCompatibility)`);

  // Configuration: application.properties / application.yml (Spring, Quarkus).
  const props = (await ctx.text("src/main/resources/application.properties")) ?? "";
  const yml = (await ctx.text("src/main/resources/application.yml")) ?? (await ctx.text("src/main/resources/application.yaml")) ?? "";
  const files = await ctx.sources([".java", ".kt"], ["pom.xml", "build.gradle", "build.gradle.kts"]);
  const candidates: PortCandidate[] = [...configPorts(props, yml, ctx), ...sourcePorts(files), ...(await portsFromDotenv(ctx)), ...(await portsFromDockerfile(ctx)), ...(await portsFromCompose(ctx))];
  if (spring || quarkus) candidates.push({ port: 8080, tier: 5, evidence: `${spring ? "Spring Boot" : "Quarkus"} listens on 8080 by default`, ...(spring ? { envName: "SERVER_PORT" } : {}) });
  const port = decidePort(candidates);

  const actuator = /spring-boot-starter-actuator/.test(text);
  const smallrye = /quarkus-smallrye-health/.test(text);
  const health: Finding<string> = actuator
    ? found(actuatorPath(props, yml), `${build.file}: spring-boot-starter-actuator`)
    : smallrye ? found("/q/health", `${build.file}: quarkus-smallrye-health`) : decideHealth(routesFromJava(files));

  const env = new EnvCollector();
  for (const file of files) {
    for (const m of file.text.matchAll(/System\.getenv\(\s*"([A-Za-z_][A-Za-z0-9_]*)"/g)) env.add(m[1]!, `${file.path}:${lineOf(file.text, m.index)}`);
  }
  await collectEnvFromFiles(ctx, env);
  const portEnv = candidates.find((c) => c.envName && c.port === port.value)?.envName;

  const name = await projectName(ctx, build, text);
  const services: string[] = [];
  const serviceEvidence: string[] = [];
  if (/org\.postgresql|<artifactId>postgresql<|:postgresql:/.test(text)) (services.push("postgres"), serviceEvidence.push(`${build.file}: the PostgreSQL driver`));
  if (/spring-boot-starter-data-redis|jedis|lettuce|redisson|quarkus-redis/.test(text)) (services.push("redis"), serviceEvidence.push(`${build.file}: a Redis client`));
  return {
    framework,
    packageManager,
    runtimeVersion,
    port,
    startCommand: notFound("the generator builds the jar and runs it with java"),
    buildCommand: notFound(`the generator packages the app itself (${build.tool === "maven" ? "mvn package" : "gradle bootJar/jar"}, tests skipped)`),
    healthPath: health,
    name,
    services: found(services, ...(serviceEvidence.length ? serviceEvidence : ["no database or cache client among the dependencies"])),
    env: env.list(),
    extra: {
      javaWrapper: found(wrapper, wrapper ? `${ctx.at(wrapperFile)}: the build wrapper` : `no ${wrapperFile}: the ${build.tool} image's own ${build.tool} builds it`),
      javaArtifact: name,
      ...(bootVersion ? { springBootVersion: found(bootVersion, `${build.file}: Spring Boot ${bootVersion}`) } : {}),
      ...(portEnv ? { portEnv: found(portEnv, ...portEnvEvidence(candidates, portEnv, env.list())) } : {}),
    },
  };
}

async function readBuild(ctx: AppContext): Promise<Build | null> {
  for (const [file, tool] of [["pom.xml", "maven"], ["build.gradle.kts", "gradle"], ["build.gradle", "gradle"]] as const) {
    const text = await ctx.text(file);
    if (text !== null) return { tool, file: ctx.at(file), text };
  }
  return null;
}

function stripXmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
}

/** The Boot version: Maven parent/BOM/plugin version, or Gradle's `id 'org.springframework.boot' version 'x'`. */
function springBootVersion(text: string): string | null {
  const maven = /<groupId>\s*org\.springframework\.boot\s*<\/groupId>\s*<artifactId>\s*spring-boot-(?:starter-parent|dependencies|maven-plugin)\s*<\/artifactId>\s*<version>\s*(\d+)\.(\d+)/.exec(text);
  const gradle = /org\.springframework\.boot["']?\)?\s*version\s*["'](\d+)\.(\d+)/.exec(text);
  const m = maven ?? gradle;
  return m ? `${m[1]}.${m[2]}` : null;
}

function actuatorPath(props: string, yml: string): string {
  const base = /^\s*management\.endpoints\.web\.base-path\s*[=:]\s*(\/[\w/-]*)/m.exec(props)?.[1] ?? /base-path:\s*(\/[\w/-]*)/.exec(yml)?.[1] ?? "/actuator";
  return `${base.replace(/\/$/, "")}/health`;
}

function configPorts(props: string, yml: string, ctx: AppContext): PortCandidate[] {
  const out: PortCandidate[] = [];
  const propsFile = ctx.at("src/main/resources/application.properties");
  for (const m of props.matchAll(/^\s*(server\.port|quarkus\.http\.port)\s*[=:]\s*(?:\$\{([A-Z_][A-Z0-9_]*):)?(\d{2,5})/gm)) {
    out.push({ port: Number(m[3]), tier: 0, evidence: `${propsFile}:${lineOf(props, m.index)}: ${m[1]}=${m[2] ? `\${${m[2]}:${m[3]}}` : m[3]}`, ...(m[2] ? { envName: m[2] } : {}) });
  }
  const yamlPort = /^server:\s*\n(?:[ \t]+.*\n)*?[ \t]+port:\s*["']?(?:\$\{([A-Z_][A-Z0-9_]*):)?(\d{2,5})/m.exec(yml);
  if (yamlPort) out.push({ port: Number(yamlPort[2]), tier: 0, evidence: `${ctx.at("src/main/resources/application.yml")}:${lineOf(yml, yamlPort.index)}: server.port ${yamlPort[2]}`, ...(yamlPort[1] ? { envName: yamlPort[1] } : {}) });
  return out;
}

/** Plain Java servers: `new InetSocketAddress(8080)`, `getOrDefault("PORT", "8080")`. */
function sourcePorts(files: SourceFile[]): PortCandidate[] {
  const out: PortCandidate[] = [];
  for (const file of files) {
    for (const m of file.text.matchAll(/new\s+InetSocketAddress\(\s*(?:"[^"]*"\s*,\s*)?(\d{2,5})\s*\)/g)) {
      out.push({ port: Number(m[1]), tier: 1, evidence: `${file.path}:${lineOf(file.text, m.index)}: InetSocketAddress(${m[1]})` });
    }
    for (const m of file.text.matchAll(/getenv\(\)\.getOrDefault\(\s*"((?:[A-Z]+_)?PORT)"\s*,\s*"(\d{2,5})"/g)) {
      out.push({ port: Number(m[2]), tier: 1, evidence: `${file.path}:${lineOf(file.text, m.index)}: ${m[1]} defaults to ${m[2]}`, envName: m[1]! });
    }
  }
  return out;
}

/** Spring `@GetMapping("/x")`/`@RequestMapping`, JAX-RS `@Path("/x")`, the JDK server's `createContext("/x"`. */
function routesFromJava(files: SourceFile[]): MountedRoute[] {
  const out: MountedRoute[] = [];
  for (const file of files) {
    // ...and a plain server's own dispatch: `path.equals("/health")`.
    for (const m of file.text.matchAll(/(?:@(?:GetMapping|RequestMapping|Path)\(\s*(?:value\s*=\s*|path\s*=\s*)?|createContext\(\s*|\.equals\(\s*)"(\/[^"\s]*)"/g)) {
      if (healthRank(m[1]!) < 0) continue;
      out.push({ path: m[1]!, evidence: `${file.path}:${lineOf(file.text, m.index)}: route ${m[0].trim()}`, file: file.path });
    }
  }
  return out;
}

/** Maven's own artifactId (not the parent's), or Gradle's rootProject.name. */
async function projectName(ctx: AppContext, build: Build, text: string): Promise<Finding<string>> {
  if (build.tool === "maven") {
    const own = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(text.replace(/<parent>[\s\S]*?<\/parent>/, ""));
    const name = own ? sanitiseName(own[1]!) : null;
    return name ? found(name, `${build.file}: artifactId ${own![1]}`) : notFound(`${build.file}: no artifactId`);
  }
  for (const file of ["settings.gradle.kts", "settings.gradle"]) {
    const settings = await ctx.text(file);
    const m = settings ? /rootProject\.name\s*=\s*["']([^"']+)["']/.exec(settings) : null;
    const name = m ? sanitiseName(m[1]!) : null;
    if (name) return found(name, `${ctx.at(file)}: rootProject.name = ${m![1]}`);
  }
  return notFound("no rootProject.name in settings.gradle(.kts)");
}
