// The development target (issue 9): what the `dev` stage runs, what docker-compose.dev.yml
// mounts into it, and which paths it must be able to write. Pure: decided from the answers
// and detection's hints; the templates and compose.ts only print it.
import type { Answers } from "./answers.js";
import type { StackHints } from "./hints.js";

export interface DevTarget {
  /** The reloading server, as argv for the dev stage's CMD. */
  command: string[];
  /** How it reloads, for comments and README.Docker.md. */
  reload: string;
  /** Bind mounts (compose short syntax), read-only: the sources the reloader watches. */
  mounts: string[];
  /** Paths the dev server writes (compiler output, Next.js's .next), each a tmpfs; `exec` where a built binary runs from it. */
  writable: { path: string; exec: boolean }[];
  /** Environment for the dev service (compose), e.g. Django's debug switch. */
  environment: Record<string, string>;
  /** Named volumes the dev service mounts (name -> path), for what must be writable and executable. */
  namedVolumes?: Record<string, string>;
  /** A higher memory limit for the dev service (a compiler runs in it), or undefined to keep the base file's. */
  memory?: string;
}

/** Where Go's dev loop builds to (a tmpfs with exec: /tmp is mounted noexec). */
export const GO_DEV_DIR = "/go-dev";

/** The Python app target (module:object) that gunicorn/uvicorn was given, or the detected one. */
function pythonTarget(a: Answers, hints: StackHints, fallback: string): string {
  const fromStart = [...a.startCommand].reverse().find((w) => /^[A-Za-z_][\w.]*:[A-Za-z_]\w*(\(\))?$/.test(w));
  return fromStart ?? hints.appTarget ?? fallback;
}

function pythonDev(a: Answers, hints: StackHints): DevTarget {
  const port = String(a.port);
  const base = { mounts: [".:/app:ro"], writable: [], environment: {} };
  switch (a.framework) {
    case "fastapi": {
      const target = pythonTarget(a, hints, "app.main:app").replace(/\(\)$/, "");
      const factory = hints.appFactory || a.startCommand.includes("--factory") ? ["--factory"] : [];
      // uvicorn's reloader polls (StatReload) unless watchfiles is installed: both work on a read-only mount.
      return { ...base, command: ["uvicorn", target, ...factory, "--host", "0.0.0.0", "--port", port, "--reload"], reload: "`uvicorn --reload`" };
    }
    case "flask":
      return {
        ...base,
        // --debug before `run`: Flask 2.2 has it on the group only (2.3 and later take it in both places).
        command: ["flask", "--app", pythonTarget(a, hints, "app:app"), "--debug", "run", "--reload", "--host", "0.0.0.0", "--port", port],
        reload: "`flask --debug run --reload` (Werkzeug's reloader and debugger)",
      };
    case "django":
      return {
        ...base,
        command: ["python", "manage.py", "runserver", `0.0.0.0:${port}`],
        reload: "Django's `runserver` (its autoreloader)",
        environment: { DJANGO_DEBUG: "true" },
      };
    default:
      return { ...base, command: a.startCommand, reload: "no reloader is known for this start command: restart the service after a change (`make dev`)" };
  }
}

/** The folder (or file) of the Node.js sources a start script runs: `node src/server.js` -> src. */
function nodeSourceMount(a: Answers): string {
  const script = a.startCommand.slice(1).find((w) => !w.startsWith("-"));
  const top = script && !script.startsWith("/") && !script.startsWith("..") ? script.replace(/^\.\//, "").split("/")[0] : undefined;
  if (a.buildCommand || !top || top === "dist") return "./src:/app/src:ro";
  return `./${top}:/app/${top}:ro`;
}

function nodeDev(a: Answers): DevTarget {
  const port = String(a.port);
  if (a.framework === "nextjs") {
    return {
      command: ["node_modules/.bin/next", "dev", "--hostname", "0.0.0.0", "--port", port],
      reload: "`next dev` (fast refresh)",
      mounts: ["./app:/app/app:ro", "./public:/app/public:ro"],
      writable: [{ path: "/app/.next", exec: false }],
      environment: {},
    };
  }
  if (a.framework === "nestjs") {
    return {
      command: ["node_modules/.bin/nest", "start", "--watch"],
      reload: "`nest start --watch` (needs @nestjs/cli in devDependencies, as `nest new` sets it up)",
      mounts: ["./src:/app/src:ro"],
      writable: [{ path: "/app/dist", exec: false }],
      environment: {},
    };
  }
  const [first, ...rest] = a.startCommand;
  if (!a.buildCommand && first === "node") {
    return { command: ["node", "--watch", ...rest], reload: "`node --watch` (built into Node.js, no dependency)", mounts: [nodeSourceMount(a)], writable: [], environment: {} };
  }
  // A compiled app (TypeScript) without a known watcher: the project's own `dev` script.
  const run = a.packageManager === "yarn" ? ["yarn", "dev"] : [a.packageManager, "run", "dev"];
  return {
    command: run,
    reload: "the `dev` script of package.json (e.g. `tsx watch src/server.ts` or `nodemon`), which must exist",
    mounts: [nodeSourceMount(a)],
    writable: [],
    environment: {},
  };
}

function goDev(a: Answers, hints: StackHints): DevTarget {
  return {
    command: ["/usr/local/bin/go-dev-reload", hints.goMain ?? "."],
    reload: "a polling loop (`go build`, then restart on a change to a .go file, go.mod or go.sum): no `air` needed, it works offline",
    mounts: [".:/src:ro", `go-dev:${GO_DEV_DIR}`],
    writable: [],
    environment: {},
    // The build cache and the binary it runs: a named volume (exec, owned by the app user as the
    // image's directory is; kept between runs). /tmp stays a noexec tmpfs.
    namedVolumes: { "go-dev": GO_DEV_DIR },
    // The Go compiler needs more than the app's 512m when the build cache is cold.
    memory: "2g",
  };
}

export function devTarget(a: Answers, hints: StackHints = {}): DevTarget {
  switch (a.language) {
    case "python":
      return pythonDev(a, hints);
    case "node":
      return nodeDev(a);
    case "go":
      return goDev(a, hints);
    default:
      throw new Error(`no dev target for ${a.language}`);
  }
}

/**
 * Go's dev loop, a POSIX sh script written into the dev stage: builds into GO_DEV_DIR, runs the
 * server, polls every second for a newer source file, then stops the server and starts over.
 */
export const GO_DEV_RELOAD_SCRIPT = [
  "#!/bin/sh",
  "# Rebuilds and restarts the server when a .go file, go.mod or go.sum changes (polls every second).",
  "set -u",
  'pkg="${1:-.}"',
  `dir="\${GO_DEV_DIR:-${GO_DEV_DIR}}"`,
  'pid=""',
  'stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=""; fi; }',
  "trap 'stop; exit 0' TERM INT",
  "while :; do",
  '  touch "$dir/.built"',
  '  if go build -o "$dir/server" "$pkg"; then "$dir/server" & pid=$!; else echo "go-dev-reload: build failed, waiting for a change" >&2; fi',
  '  until [ -n "$(find . \\( -name "*.go" -o -name go.mod -o -name go.sum \\) -newer "$dir/.built" -print -quit)" ]; do sleep 1; done',
  '  echo "go-dev-reload: change detected, rebuilding" >&2',
  "  stop",
  "done",
];
