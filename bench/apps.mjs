// What the benchmark needs to know about each built-in preset's example app
// (tests/e2e/apps/<preset> unless `app` names another folder): how a developer starts it,
// which file a source-only change touches, and which build step installs the dependencies
// in each kind of Dockerfile. Port and health path come from the preset itself. A preset
// whose images cannot be built here says why in `notBuilt`: the tool is still timed on it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * Both Rust presets run on the std-only example: crates.io is unreachable here, so axum and
 * actix-web are never compiled; the two presets render the same Dockerfile apart from labels
 * (the framework changes detection and defaults only). `binary` is the crate's binary, which
 * docker init's template copies out as /bin/server. The app listens on $PORT (3000 when
 * unset): every variant's container gets PORT=<the preset's port>, as a developer would pass
 * it (ours also sets it in the image; the baselines do not).
 */
const RUST_STD = { app: "tests/e2e/apps/rust-std", start: ["./target/release/hello-rs"], touch: "src/main.rs", binary: "hello-rs", portFromEnv: "PORT" };

/**
 * `start` is the command a developer gives the baselines (the one they would type at
 * `docker init`'s prompt, or write in a hand-made CMD): the package.json start script for
 * Node.js apps, the production server for Python, the binary for Go and Rust.
 */
export const APPS = {
  "python-flask": { start: ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"], touch: "app.py" },
  "python-fastapi": { start: ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"], touch: "app/main.py" },
  "python-django": {
    start: ["gunicorn", "--bind", "0.0.0.0:8000", "config.wsgi:application"],
    touch: "web/views.py",
    // Required by the app's settings (tests/e2e/apps/python-django/README.md); every variant gets it.
    env: { DJANGO_SECRET_KEY: "bench-only-secret-key-bench-only-secret-key-bench-only" },
  },
  "node-express": { start: ["node", "src/server.js"], touch: "src/server.js" },
  "node-fastify": { start: ["node", "dist/server.js"], touch: "src/server.ts", build: "npm run build", buildOutput: "dist" },
  "node-nestjs": { start: ["node", "dist/main.js"], touch: "src/main.ts", build: "npm run build", buildOutput: "dist" },
  "node-nextjs": { start: ["node", ".next/standalone/server.js"], touch: "app/page.js", build: "npm run build", buildOutput: ".next" },
  "go-http": { start: ["./server"], touch: "main.go" },
  "rust-axum": RUST_STD,
  "rust-actix": RUST_STD,
  // Java: the tool only, on the detection fixtures (a Spring Boot Maven project, a Gradle one).
  "java-spring-maven": {
    app: "tests/fixtures/java-spring-maven-actuator/repo",
    notBuilt: "Maven Central is unreachable here, so the Dockerfile's dependency step (mvnw dependency:go-offline) cannot run; the e2e tests skip the Spring builds for the same reason",
  },
  "java-spring-gradle": {
    app: "tests/fixtures/java-gradle-quarkus/repo",
    notBuilt: "the Gradle distribution and Maven Central are unreachable here, so the Dockerfile's dependency step cannot run; the e2e tests skip the Spring builds for the same reason",
  },
};

/**
 * The build step that installs dependencies, per Dockerfile kind: a source-only change
 * must leave it cached. The naive Go Dockerfile has no such step (it compiles everything
 * in one `go build`), so its compile step stands in.
 */
const INSTALL = {
  python: { ours: /pip install -r requirements\.txt/, naive: /pip install -r requirements\.txt/, "docker-init": /pip install -r requirements\.txt/ },
  node: { ours: /npm ci --omit=dev|npm ci --no-audit/, naive: /npm install/, "docker-init": /npm ci --omit=dev/ },
  go: { ours: /go mod download/, naive: /go build/, "docker-init": /go mod download/ },
  // Ours builds the crates against a stub main in a layer of its own; the naive and docker
  // init Dockerfiles have one `cargo build` for crates and sources alike (docker init's keeps
  // compiled crates in a cache mount of target/ instead of a layer).
  rust: { ours: /printf 'fn main\(\) \{\}\\n' > src\/main\.rs/, naive: /cargo build --release/, "docker-init": /cargo build --locked --release/ },
};

export function loadApp(root, preset) {
  const app = APPS[preset];
  if (!app) throw new Error(`no benchmark app for preset ${preset} (bench/apps.mjs)`);
  const answers = parse(readFileSync(join(root, "presets", `${preset}.yaml`), "utf8")).answers;
  const port = answers.port;
  return {
    preset,
    dir: join(root, ...(app.app ? app.app.split("/") : ["tests", "e2e", "apps", preset])),
    language: answers.language,
    runtimeVersion: String(answers.runtimeVersion),
    port,
    healthPath: answers.healthPath ?? "/",
    ...app,
    env: { ...(app.env ?? {}), ...(app.portFromEnv ? { [app.portFromEnv]: String(port) } : {}) },
    install: INSTALL[answers.language],
  };
}

/** Every built-in preset: the tool is timed on each. */
export const PRESETS = Object.keys(APPS);
/** The presets whose images are built and compared; the others, with the reason. */
export const CONTAINER_PRESETS = PRESETS.filter((p) => !APPS[p].notBuilt);
export const NOT_BUILT = Object.fromEntries(PRESETS.filter((p) => APPS[p].notBuilt).map((p) => [p, APPS[p].notBuilt]));
