// The starter table (issue 10): one minimal, idiomatic app per built-in preset's stack,
// written next to the Docker files when the directory has no app yet. Each entry says
// which answers it fits, the files it writes (templates/starters/<id>/), the commands
// the container runs it with, the variables it reads and how to run its own test.
import type { Answers, Language } from "../model/answers.js";
import type { AppEnvVar } from "../model/env-entries.js";
import { defaultBuildCommand, defaultStartCommand } from "../model/start-commands.js";

/** What a starter's template needs (plain data: HOUSE-STYLE habit 3). */
export interface StarterView {
  name: string;
  port: number;
  /** The health route (a starter always has one). */
  healthPath: string;
  /** healthPath without its leading slash (Django `path()`, Next.js route folders). */
  healthRoute: string;
  /** The runtime version answer (`go 1.23` in go.mod, `engines.node`). */
  runtimeVersion: string;
}

export interface Starter {
  /** Folder under templates/starters/ and the name users see (`--starter` writes "python-fastapi"). */
  id: string;
  language: Language;
  framework: string;
  /** "FastAPI", for messages. */
  label: string;
  packageManagers: readonly string[];
  /**
   * Template files, relative to templates/starters/<id>/. `.hbs` files are rendered
   * (the suffix is dropped); `__health__` in a path becomes the health route.
   */
  templates: readonly string[];
  /** Node.js: package.json and the lockfile of each package manager come from the template folder. */
  node?: { lockfiles: Readonly<Record<string, string>> };
  /** The command the image runs it with (an argv the starter's code answers to). */
  start(a: Answers): string[];
  /** Whether the image must run a build step (the package's `build` script, or `go build`). */
  build: "none" | "script" | "go";
  /** The variables its code reads, exactly as detection finds them (env.example and compose list them). */
  env(a: Answers): AppEnvVar[];
  /** Lines of a new .gitignore, above docker-scaffold's block. */
  gitignore(a: Answers): string[];
  /** How to run its own test, for the closing message. */
  test(a: Answers): string;
  /** Where its application code starts, for the closing message. */
  entry(a: Answers): string;
  /** The oldest runtime its code and dependencies run on ("major" or "major.minor"). */
  minRuntime: string;
}

const PYTHON_IGNORE: string[] = ["# Python", "__pycache__/", "*.py[cod]", ".venv/", "venv/", ".pytest_cache/", ".coverage", "htmlcov/"];
const NODE_IGNORE: string[] = ["# Node.js", "node_modules/", "npm-debug.log*", "yarn-error.log*", ".pnpm-store/", "coverage/"];
const NODE_LOCKFILES = { npm: "package-lock.json", pnpm: "pnpm-lock.yaml", yarn: "yarn.lock" } as const;

const pythonTest = () => "pip install -r requirements-dev.txt && pytest";
const nodeTest = (a: Answers) => (a.packageManager === "npm" ? "npm ci && npm test" : a.packageManager === "pnpm" ? "pnpm install && pnpm test" : "yarn install && yarn test");
const greeting = (source: string): AppEnvVar => ({ name: "GREETING", secret: false, sources: [source], default: "hello" });

export const STARTERS: readonly Starter[] = [
  {
    id: "python-fastapi",
    language: "python",
    framework: "fastapi",
    label: "FastAPI",
    packageManagers: ["pip"],
    templates: ["app/__init__.py.hbs", "app/main.py.hbs", "tests/test_main.py.hbs", "requirements.txt", "requirements-dev.txt", "pytest.ini"],
    start: (a) => defaultStartCommand(a)!,
    build: "none",
    env: () => [greeting("app/main.py:12")],
    gitignore: () => PYTHON_IGNORE,
    test: pythonTest,
    entry: () => "app/main.py",
    minRuntime: "3.9",
  },
  {
    id: "python-flask",
    language: "python",
    framework: "flask",
    label: "Flask",
    packageManagers: ["pip"],
    templates: ["app.py.hbs", "tests/test_app.py.hbs", "requirements.txt", "requirements-dev.txt", "pytest.ini"],
    start: (a) => defaultStartCommand(a)!,
    build: "none",
    env: () => [greeting("app.py:12")],
    gitignore: () => PYTHON_IGNORE,
    test: pythonTest,
    entry: () => "app.py",
    minRuntime: "3.9",
  },
  {
    id: "python-django",
    language: "python",
    framework: "django",
    label: "Django",
    packageManagers: ["pip"],
    templates: [
      "manage.py",
      "config/__init__.py",
      "config/settings.py.hbs",
      "config/urls.py.hbs",
      "config/views.py.hbs",
      "config/wsgi.py",
      "config/asgi.py",
      "conftest.py",
      "tests/test_views.py.hbs",
      "requirements.txt",
      "requirements-dev.txt",
      "pytest.ini",
    ],
    start: (a) => defaultStartCommand(a)!,
    build: "none",
    // The DJANGO_* variables of config/settings.py are documented by env-entries.ts itself.
    env: () => [
      { name: "DJANGO_ALLOWED_HOSTS", secret: false, sources: ["config/settings.py:22"], default: "localhost,127.0.0.1" },
      { name: "DJANGO_DEBUG", secret: false, sources: ["config/settings.py:20"], default: "false" },
      { name: "DJANGO_SECRET_KEY", secret: true, sources: ["config/settings.py:16"] },
      greeting("config/views.py:8"),
    ],
    gitignore: () => [...PYTHON_IGNORE, "staticfiles/", "db.sqlite3"],
    test: pythonTest,
    entry: () => "config/views.py",
    minRuntime: "3.9",
  },
  {
    id: "node-express",
    language: "node",
    framework: "express",
    label: "Express",
    packageManagers: ["npm", "pnpm", "yarn"],
    templates: ["src/app.js.hbs", "src/server.js.hbs", "test/app.test.js.hbs"],
    node: { lockfiles: NODE_LOCKFILES },
    start: () => ["node", "src/server.js"],
    build: "none",
    env: () => [greeting("src/app.js:5")],
    gitignore: () => NODE_IGNORE,
    test: nodeTest,
    entry: () => "src/app.js",
    minRuntime: "20",
  },
  {
    id: "node-fastify",
    language: "node",
    framework: "fastify",
    label: "Fastify (TypeScript)",
    packageManagers: ["npm", "pnpm", "yarn"],
    templates: ["src/app.ts.hbs", "src/server.ts.hbs", "test/app.test.js.hbs", "tsconfig.json"],
    node: { lockfiles: NODE_LOCKFILES },
    start: () => ["node", "dist/server.js"],
    build: "script",
    env: () => [greeting("src/app.ts:5")],
    gitignore: () => [...NODE_IGNORE, "dist/", "*.tsbuildinfo"],
    test: nodeTest,
    entry: () => "src/app.ts",
    minRuntime: "22", // fastify 5.12 depends on cookie 2, which needs Node.js 22
  },
  {
    id: "node-nestjs",
    language: "node",
    framework: "nestjs",
    label: "NestJS",
    packageManagers: ["npm", "pnpm", "yarn"],
    templates: ["src/main.ts.hbs", "src/app.module.ts", "src/app.controller.ts.hbs", "test/app.test.js.hbs", "tsconfig.json", "tsconfig.build.json"],
    node: { lockfiles: NODE_LOCKFILES },
    start: () => ["node", "dist/main.js"],
    build: "script",
    env: () => [greeting("src/app.controller.ts:7")],
    gitignore: () => [...NODE_IGNORE, "dist/", "*.tsbuildinfo"],
    test: nodeTest,
    entry: () => "src/app.controller.ts",
    minRuntime: "20",
  },
  {
    id: "node-nextjs",
    language: "node",
    framework: "nextjs",
    label: "Next.js",
    packageManagers: ["npm", "pnpm", "yarn"],
    templates: ["app/layout.js.hbs", "app/page.js.hbs", "app/__health__/route.js", "next.config.mjs", "test/health.test.js.hbs"],
    node: { lockfiles: NODE_LOCKFILES },
    start: () => ["node", "server.js"],
    build: "script",
    env: () => [greeting("app/page.js:8")],
    gitignore: () => [...NODE_IGNORE, ".next/", "out/", "next-env.d.ts", "*.tsbuildinfo"],
    test: nodeTest,
    entry: () => "app/page.js",
    minRuntime: "20",
  },
  {
    id: "go-http",
    language: "go",
    framework: "none",
    label: "Go net/http",
    packageManagers: ["go"],
    templates: ["go.mod.hbs", "main.go.hbs", "main_test.go.hbs"],
    start: (a) => defaultStartCommand(a)!,
    build: "go",
    env: () => [greeting("main.go:49")],
    // `go build` in the module root writes a binary named after the module.
    gitignore: (a) => ["# Go", `/${a.name}`, "/bin/", "*.test", "*.out", "coverage.*"],
    test: () => "go test ./...",
    entry: () => "main.go",
    minRuntime: "1.22",
  },
];

/** The starter for a language and framework, if there is one. */
export function findStarter(language: string, framework: string): Starter | null {
  return STARTERS.find((s) => s.language === language && s.framework === framework) ?? null;
}

export function findStarterById(id: string): Starter {
  const starter = STARTERS.find((s) => s.id === id);
  if (!starter) throw new Error(`no starter ${id}`);
  return starter;
}

/** The build step a starter's image needs for these answers (null: none). */
export function starterBuildCommand(s: Starter, a: Answers): string[] | null {
  if (s.build === "none") return null;
  if (s.build === "go") return defaultBuildCommand(a);
  return a.packageManager === "yarn" ? ["yarn", "build"] : [a.packageManager, "run", "build"];
}

/** Commands that run the package's `build` script, whatever installed the dependencies. */
const BUILD_SCRIPT_COMMANDS = ["npm run build", "pnpm run build", "pnpm build", "yarn build", "yarn run build"];

/** Whether a build command does what the starter needs. */
export function buildFits(s: Starter, a: Answers, build: readonly string[] | null): boolean {
  if (s.build === "script") return build !== null && BUILD_SCRIPT_COMMANDS.includes(build.join(" "));
  const expected = starterBuildCommand(s, a);
  return JSON.stringify(build) === JSON.stringify(expected);
}
