// What the benchmark needs to know about each built-in preset's example app
// (tests/e2e/apps/<preset>): how a developer starts it, which file a source-only change
// touches, and which build step installs the dependencies in each kind of Dockerfile.
// Port and health path come from the preset itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * `start` is the command a developer gives the baselines (the one they would type at
 * `docker init`'s prompt, or write in a hand-made CMD): the package.json start script for
 * Node.js apps, the production server for Python, the binary for Go.
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
};

export function loadApp(root, preset) {
  const app = APPS[preset];
  if (!app) throw new Error(`no benchmark app for preset ${preset} (bench/apps.mjs)`);
  const answers = parse(readFileSync(join(root, "presets", `${preset}.yaml`), "utf8")).answers;
  return {
    preset,
    dir: join(root, "tests", "e2e", "apps", preset),
    language: answers.language,
    runtimeVersion: String(answers.runtimeVersion),
    port: answers.port,
    healthPath: answers.healthPath ?? "/",
    env: {},
    ...app,
    install: INSTALL[answers.language],
  };
}

export const PRESETS = Object.keys(APPS);
