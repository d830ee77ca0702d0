// The benchmark's pure parts: reading the classic builder's output, statistics, the
// baseline templates and the command line. The measuring itself runs in `npm run bench`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTAINER_PRESETS, loadApp, NOT_BUILT, PRESETS } from "../../bench/apps.mjs";
import { contextBytes, layerIds, stepsCached } from "../../bench/lib/lab.mjs";
import { median, ratio } from "../../bench/lib/measure.mjs";
import { parseArgs } from "../../bench/run.mjs";
import { baselineFiles, fillTemplate } from "../../bench/variants.mjs";

const ROOT = process.cwd();

const BUILD = [
  "Sending build context to Docker daemon  3.03MB",
  "[1/2] STEP 1/4: FROM node:22-bookworm-slim AS deps",
  "[1/2] STEP 2/4: COPY package.json package-lock.json ./",
  "--> Using cache 3304ba7d0e70698e3a1",
  "--> 3304ba7d0e7",
  "[1/2] STEP 3/4: RUN npm ci --omit=dev",
  "--> Using cache 51b44a0ab0c1234",
  "--> 51b44a0ab0c",
  "[1/2] STEP 4/4: COPY . .",
  "--> 864561ce22e",
  "Successfully tagged bench:x",
].join("\n");

describe("reading a classic-builder log", () => {
  it("takes the context size the CLI reports sending", () => {
    expect(contextBytes(BUILD)).toBe(3_030_000);
    expect(contextBytes("Sending build context to Docker daemon  19.46kB")).toBe(19_460);
    expect(contextBytes("no such line")).toBeNull();
  });

  it("tells cached steps from re-run ones", () => {
    expect(stepsCached(BUILD, /npm ci/)).toEqual([true]);
    expect(stepsCached(BUILD, /COPY \. \./)).toEqual([false]);
  });

  it("lists only the layers the build created, not those taken from the cache", () => {
    expect(layerIds(BUILD)).toEqual(["864561ce22e"]);
  });
});

describe("statistics", () => {
  it("median of odd and even counts, ignoring missing values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 5, undefined])).toBe(5);
    expect(median([])).toBeNull();
  });

  it("ratio is null when either side is missing or the divisor is zero", () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(1, 0)).toBeNull();
  });
});

describe("the presets benchmarked", () => {
  it("are every built-in preset; those not built say why, and only Java is not built", () => {
    const builtIn = readdirSync(join(ROOT, "presets")).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -".yaml".length));
    expect([...PRESETS].sort()).toEqual(builtIn.sort());
    expect(Object.keys(NOT_BUILT).sort()).toEqual(["java-spring-gradle", "java-spring-maven"]);
    for (const why of Object.values(NOT_BUILT)) expect(why).toMatch(/unreachable/);
    expect([...CONTAINER_PRESETS, ...Object.keys(NOT_BUILT)].sort()).toEqual([...PRESETS].sort());
  });

  it.each(PRESETS)("%s: its example app and golden output exist (the tool is timed on them)", (preset) => {
    const app = loadApp(ROOT, preset);
    expect(readdirSync(app.dir).length).toBeGreaterThan(0);
    expect(readdirSync(join(ROOT, "tests", "golden", "cases", preset, "expected"))).toContain("Dockerfile");
  });
});

describe("baselines", () => {
  it("fill every placeholder, and refuse an unknown one", () => {
    expect(fillTemplate("FROM node:{{RUNTIME_VERSION}}", { RUNTIME_VERSION: "22" })).toBe("FROM node:22");
    expect(() => fillTemplate("{{NOPE}}", {})).toThrow(/NOPE/);
  });

  it.each(CONTAINER_PRESETS)("%s: both baselines render with no placeholder left, docker init's with its .dockerignore", (preset) => {
    const app = loadApp(ROOT, preset);
    const naive = baselineFiles(ROOT, app, "naive");
    const init = baselineFiles(ROOT, app, "docker-init");
    expect(Object.keys(naive)).toEqual(["Dockerfile"]);
    expect(Object.keys(init).sort()).toEqual([".dockerignore", "Dockerfile"]);
    for (const text of [...Object.values(naive), ...Object.values(init)]) expect(text).not.toMatch(/\{\{/);
    expect(naive.Dockerfile).toMatch(/^COPY \. \.$/m);
    expect(init.Dockerfile).toContain(`EXPOSE ${app.port}`);
  });

  it("docker init's .dockerignore: its own for Python and Node.js, the generic (Python's) list for Go and Rust", () => {
    const ignore = (preset: string) => baselineFiles(ROOT, loadApp(ROOT, preset), "docker-init")[".dockerignore"];
    const python = readFileSync(join(ROOT, "bench", "baselines", "python", "docker-init.dockerignore"), "utf8");
    expect(ignore("python-fastapi")).toBe(python);
    expect(ignore("go-http")).toBe(python);
    expect(ignore("rust-axum")).toBe(python);
    expect(ignore("node-express")).toBe(readFileSync(join(ROOT, "bench", "baselines", "node", "docker-init.dockerignore"), "utf8"));
    expect(ignore("node-express")).not.toBe(python);
  });

  it("Rust: docker init's template copies out the crate's binary, the naive one runs it from target/", () => {
    const app = loadApp(ROOT, "rust-axum");
    expect(baselineFiles(ROOT, app, "docker-init").Dockerfile).toMatch(/^ARG APP_NAME=hello-rs$/m);
    expect(baselineFiles(ROOT, app, "naive").Dockerfile).toMatch(/^CMD \["\.\/target\/release\/hello-rs"\]$/m);
    expect(readFileSync(join(app.dir, "Cargo.toml"), "utf8")).toMatch(/^name = "hello-rs"$/m);
  });

  it("Rust: every variant's container is told the preset's port (the app listens on $PORT, 3000 by default)", () => {
    expect(readFileSync(join(ROOT, "tests", "e2e", "apps", "rust-std", "src", "main.rs"), "utf8")).toContain('std::env::var("PORT")');
    expect(loadApp(ROOT, "rust-actix")).toMatchObject({ port: 8080, env: { PORT: "8080" } });
    expect(loadApp(ROOT, "rust-axum")).toMatchObject({ port: 3000, env: { PORT: "3000" } });
    expect(loadApp(ROOT, "python-django").env).toHaveProperty("DJANGO_SECRET_KEY");
  });

  it("every lab adaptation of a docker init template says why", () => {
    const languages = [...new Set(CONTAINER_PRESETS.map((p) => loadApp(ROOT, p).language))];
    expect(languages.sort()).toEqual(["go", "node", "python", "rust"]);
    for (const lang of languages) {
      for (const file of ["docker-init.Dockerfile", ...(lang === "node" ? ["docker-init-build.Dockerfile"] : [])]) {
        const text = readFileSync(join(ROOT, "bench", "baselines", lang, file), "utf8");
        expect(text, `${lang}/${file}`).toMatch(/^# lab: /m);
        expect(text, "the lab refuses Alpine").not.toMatch(/^FROM .*alpine/im);
      }
    }
  });
});

describe("command line", () => {
  it("full by default, short for CI", () => {
    expect(parseArgs([])).toMatchObject({ mode: "full", toolRuns: 5, runs: 3, presets: CONTAINER_PRESETS });
    expect(parseArgs(["--short"])).toMatchObject({ mode: "short", toolRuns: 3, runs: 1, presets: ["python-fastapi", "node-express"] });
  });

  it("refuses unknown options and presets", () => {
    expect(() => parseArgs(["--nope"])).toThrow(/unknown option/);
    expect(() => parseArgs(["--presets", "ruby-rails"])).toThrow(/unknown preset/);
    expect(() => parseArgs(["--runs", "0"])).toThrow(/>= 1/);
    expect(() => parseArgs(["--presets", "java-spring-maven"])).toThrow(/java-spring-maven's images cannot be built here: Maven Central is unreachable/);
    expect(parseArgs(["--only", "tool", "--presets", "java-spring-maven"]).presets).toEqual(["java-spring-maven"]);
  });
});
