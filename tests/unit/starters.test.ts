// Starter apps (issue 10) through runInit: which answers a starter fits and every reason
// it does not (exit 2), never beside an existing app, never over an existing file, the
// .gitignore it brings, its variables as detection sees them, and lockfiles in step with
// package.json. The rendered starters themselves are golden cases (tests/golden/cases/starter-*).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { detectProject } from "../../src/detect/index.js";
import { AnswersError, ConflictError, EXIT, UsageError } from "../../src/errors.js";
import { runInit, type InitOptions } from "../../src/init/run-init.js";
import { OUTPUT_FILES } from "../../src/model/plan.js";
import { TEMPLATE_DIR } from "../../src/render/engine.js";
import { STARTERS, findStarter } from "../../src/starters/catalog.js";
import { DEFAULT, ScriptedPrompter } from "../helpers/scripted-prompter.js";
import { readTree, tempDir } from "../helpers/tmp.js";

/** Presets of issue 6 that ship no starter app (the issue does not ask for one). */
const WITHOUT_STARTER = ["java-spring-gradle", "java-spring-maven", "rust-actix", "rust-axum"];
const ALL_PRESETS = readdirSync(join(TEMPLATE_DIR, "..", "presets")).map((f) => f.replace(/\.yaml$/, ""));
const PRESETS = ALL_PRESETS.filter((p) => !WITHOUT_STARTER.includes(p));

async function failure(options: InitOptions): Promise<Error & { exitCode?: number }> {
  const err = await runInit(options).then(
    () => null,
    (e: unknown) => e as Error & { exitCode?: number },
  );
  if (!err) throw new Error("runInit succeeded; a failure was expected");
  return err;
}

describe("a starter for every built-in preset", () => {
  it.each(PRESETS)("%s has one, and it fits the preset's answers as they are", async (preset) => {
    const result = await runInit({ dir: tempDir(), preset, starter: true, dryRun: true });
    expect(result.starter?.id).toBe(preset);
    // Nothing but the starter's own files is added to the outputs.
    expect(result.files.map((f) => f.path)).toEqual([...OUTPUT_FILES, ...result.starter!.files]);
    expect(result.files.every((f) => f.status === "create")).toBe(true);
  });

  it.each(PRESETS)("%s: detection of the written starter agrees with the answers and its declared variables", async (preset) => {
    const dir = join(tempDir(), "my-api");
    const result = await runInit({ dir, preset, starter: true });
    const d = await detectProject(dir);
    const a = result.answers;
    expect(d.answers).toMatchObject({ language: a.language, framework: a.framework, packageManager: a.packageManager, port: a.port, healthPath: a.healthPath, name: a.name });
    // The variables env.example documents are those detection finds, with the same sources
    // (PORT is set by the image itself and is not documented).
    const declared = findStarter(a.language, a.framework)!.env(a);
    expect(d.env.filter((v) => v.name !== "PORT")).toEqual(declared);
  });
});

describe("presets without a starter", () => {
  it.each(WITHOUT_STARTER)("%s: --starter is refused with exit 2, nothing written", async (preset) => {
    expect(ALL_PRESETS).toContain(preset);
    const dir = tempDir();
    const err = await failure({ dir, preset, starter: true });
    expect(err.exitCode).toBe(EXIT.usage);
    expect(readTree(dir)).toEqual({});
  });
});

describe("--starter refuses, with exit 2 and every reason", () => {
  it("where detection finds an app", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "mine", dependencies: { express: "5.0.0" } }));
    const err = await failure({ dir, preset: "node-express", starter: true });
    expect(err).toBeInstanceOf(UsageError);
    expect(err.exitCode).toBe(EXIT.usage);
    expect(err.message).toMatch(/already has an app \(package\.json: Node package\)/);
    expect(readTree(dir)).toEqual({ "package.json": expect.any(String) });
  });

  it("where the app is in a sub-folder, or in a language detection only recognises", async () => {
    const sub = tempDir();
    mkdirSync(join(sub, "server"));
    writeFileSync(join(sub, "server", "go.mod"), "module example.com/server\n\ngo 1.23\n");
    writeFileSync(join(sub, "server", "main.go"), 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n');
    expect((await failure({ dir: sub, preset: "go-http", starter: true })).message).toMatch(/already has an app \(server\/: /);
    const rust = tempDir();
    writeFileSync(join(rust, "Cargo.toml"), '[package]\nname = "x"\n');
    expect((await failure({ dir: rust, preset: "go-http", starter: true, flags: {} })).message).toMatch(/Cargo\.toml: Cargo package/);
    const ruby = tempDir();
    writeFileSync(join(ruby, "Gemfile"), 'source "https://rubygems.org"\n');
    expect((await failure({ dir: ruby, preset: "python-flask", starter: true })).message).toMatch(/Gemfile: a Ruby project/);
  });

  it("for a package manager whose lockfile it cannot ship, and a TCP probe, both in one message", async () => {
    const err = await failure({ dir: tempDir(), preset: "python-fastapi", flags: { packageManager: "uv", healthPath: null }, starter: true });
    expect(err).toBeInstanceOf(AnswersError);
    expect(err.exitCode).toBe(EXIT.usage);
    expect(err.message).toMatch(/^--starter: no starter fits these answers \(nothing was written\):/);
    expect(err.message).toContain("a uv starter needs a uv.lock resolved against PyPI, which docker-scaffold does not ship");
    expect(err.message).toContain("fix: use --package-manager pip (and move to uv later, e.g. `uv add -r requirements.txt`)");
    expect(err.message).toContain("a starter serves a health route, and the answers ask for a TCP probe");
  });

  it("for an explicit start or build command it does not run with (a default one is replaced instead)", async () => {
    const err = await failure({ dir: tempDir(), preset: "node-express", flags: { startCommand: "node index.js", buildCommand: "npm run build" }, starter: true });
    expect(err.message).toContain("the Express starter runs with `node src/server.js`, not `node index.js` (flag)");
    expect(err.message).toContain("the Express starter needs no build step, not `npm run build` (flag)");
    // Without the preset, Fastify's default command (node src/server.js) is a default: the starter's replaces it.
    const result = await runInit({ dir: tempDir(), flags: { language: "node", framework: "fastify" }, starter: true, dryRun: true });
    expect(result.answers.startCommand).toEqual(["node", "dist/server.js"]);
    expect(result.answers.buildCommand).toEqual(["npm", "run", "build"]);
    expect(result.sources).toMatchObject({ startCommand: "starter", buildCommand: "starter" });
  });

  it("for a stack without a starter, a runtime too old, and a health path that is not plain segments", async () => {
    expect((await failure({ dir: tempDir(), flags: { language: "go", framework: "gin" }, starter: true })).message).toContain("there is no starter for go/gin");
    expect((await failure({ dir: tempDir(), preset: "node-nestjs", flags: { runtimeVersion: "18" }, starter: true })).message).toContain("the NestJS starter needs 20 or later, not 18");
    expect((await failure({ dir: tempDir(), preset: "go-http", flags: { runtimeVersion: "1.21" }, starter: true })).message).toContain("needs 1.22 or later");
    for (const healthPath of ["/", "/health/", "/api/:id", "/_health"]) {
      expect((await failure({ dir: tempDir(), preset: "node-nextjs", flags: { healthPath }, starter: true })).message).toContain(`${healthPath} is not a path a starter can serve`);
    }
  });

  it("together with --only", async () => {
    const err = await failure({ dir: tempDir(), preset: "python-flask", only: ["Dockerfile"], starter: true });
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toContain("cannot be combined with --only");
  });
});

describe("a starter never overwrites", () => {
  it("a file that differs is a conflict even with --force, and nothing is written", async () => {
    const dir = tempDir();
    // app.py alone is no app for detection (no manifest), but it is a file the starter would write.
    writeFileSync(join(dir, "app.py"), "print('mine')\n");
    const err = await failure({ dir, preset: "python-flask", starter: true, force: true });
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.exitCode).toBe(EXIT.conflict);
    expect((err as ConflictError).files).toEqual(["app.py"]);
    expect(err.message).toContain("app.py: exists; a starter app never overwrites a file (not even with --force)");
    expect(readTree(dir)).toEqual({ "app.py": "print('mine')\n" });
  });

  it("a file that is already what it would write is IDENTICAL", async () => {
    const dir = tempDir();
    const first = await runInit({ dir: tempDir(), preset: "python-flask", starter: true, dryRun: true, flags: { name: "x" } });
    writeFileSync(join(dir, "requirements-dev.txt"), first.decisions.find((d) => d.path === "requirements-dev.txt")!.next);
    const result = await runInit({ dir, preset: "python-flask", starter: true, flags: { name: "x" } });
    expect(result.files.find((f) => f.path === "requirements-dev.txt")!.status).toBe("identical");
  });
});

describe(".gitignore", () => {
  const ignored = (dir: string, path: string) => {
    try {
      execFileSync("git", ["check-ignore", "-q", "--no-index", path], { cwd: dir });
      return true;
    } catch {
      return false;
    }
  };

  it.each(["node-express", "python-django", "go-http"])("%s: a new one ignores the language's files and .env, never env.example", async (preset) => {
    const dir = tempDir();
    execFileSync("git", ["init", "-q"], { cwd: dir });
    await runInit({ dir, preset, starter: true, flags: { name: "my-api" } });
    for (const path of [".env", ".env.local", "secrets/key"]) expect(ignored(dir, path), path).toBe(true);
    for (const path of ["env.example", "Dockerfile", "docker-compose.yml", ".docker-scaffold.yml"]) expect(ignored(dir, path), path).toBe(false);
    const tree = readTree(dir);
    for (const path of Object.keys(tree).filter((p) => !p.startsWith(".git/"))) expect(ignored(dir, path), path).toBe(false);
    const language = { "node-express": ["node_modules/express/index.js"], "python-django": ["config/__pycache__/settings.cpython-312.pyc", ".venv/bin/python", "staticfiles/x.css"], "go-http": ["my-api", "bin/tool"] }[preset]!;
    for (const path of language) expect(ignored(dir, path), path).toBe(true);
  });

  it("one that exists keeps its content and only gains the managed block", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".gitignore"), "/build\n");
    await runInit({ dir, preset: "node-express", starter: true });
    const text = readFileSync(join(dir, ".gitignore"), "utf8");
    expect(text.startsWith("/build\n\n# >>> docker-scaffold managed block")).toBe(true);
    expect(text).not.toContain("node_modules/");
  });
});

describe("a re-run", () => {
  it("after a starter is IDENTICAL, without --starter", async () => {
    const dir = tempDir();
    await runInit({ dir, flags: { language: "node", framework: "fastify", port: "4100", healthPath: "/ready" }, starter: true });
    const again = await runInit({ dir, dryRun: true });
    expect(again.files.filter((f) => f.status !== "identical")).toEqual([]);
    expect(again.starter).toBeNull();
    // The commands the starter set are recorded, so the re-run did not fall back to the defaults.
    const recorded = parseYaml(readFileSync(join(dir, ".docker-scaffold.yml"), "utf8")) as { answers: Record<string, unknown> };
    expect(recorded.answers).toMatchObject({ startCommand: ["node", "dist/server.js"], buildCommand: ["npm", "run", "build"] });
  });

  it("of the same command with --starter is IDENTICAL; with answers that change the starter it is exit 2", async () => {
    const dir = tempDir();
    await runInit({ dir, preset: "go-http", starter: true });
    const again = await runInit({ dir, preset: "go-http", starter: true });
    expect(again.files.filter((f) => f.status !== "identical")).toEqual([]);
    expect(again.starter?.id).toBe("go-http");
    const before = readTree(dir);
    const err = await failure({ dir, preset: "go-http", flags: { port: "9000" }, starter: true });
    expect(err.exitCode).toBe(EXIT.usage);
    expect(err.message).toMatch(/already has an app \(go\.mod: Go module\)/);
    expect(readTree(dir)).toEqual(before);
  });
});

describe("interactive", () => {
  it("offers the starter where there is no app; accepting writes it", async () => {
    const dir = tempDir();
    const prompter = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT, starter: DEFAULT, confirm: true });
    const result = await runInit({ dir, preset: "python-flask", prompter });
    expect(prompter.events).toEqual(["startCommand", "dev", "buildSecrets", "starter", "(note)", "confirm"]);
    expect(prompter.questions.get("starter")).toMatchObject({ default: true, message: expect.stringContaining("Flask starter app") });
    expect(prompter.notes.join("")).toMatch(/CREATE\s+app\.py/);
    expect(result.starter?.id).toBe("python-flask");
    expect(readTree(dir)["app.py"]).toContain('@app.get("/health")');
  });

  it("does not offer it beside an app, with --no-starter, or on a re-run", async () => {
    const withApp = tempDir();
    writeFileSync(join(withApp, "requirements.txt"), "flask\n");
    const p1 = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT, confirm: true });
    await runInit({ dir: withApp, preset: "python-flask", prompter: p1 });
    expect(p1.asked).not.toContain("starter");

    const declined = tempDir();
    const p2 = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT, confirm: true });
    await runInit({ dir: declined, preset: "python-flask", prompter: p2, starter: false });
    expect(p2.asked).not.toContain("starter");

    const p3 = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT });
    await runInit({ dir: declined, prompter: p3, dryRun: true });
    expect(p3.asked).toEqual(["startCommand"]);
  });
});

describe("Node.js lockfiles are in step with each starter's package.json", () => {
  const nodeStarters = STARTERS.filter((s) => s.node);
  it.each(nodeStarters.map((s) => s.id))("%s", (id) => {
    const dir = join(TEMPLATE_DIR, "starters", id);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies?: Record<string, string> };
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    // Exact versions: the lockfile decides, and package.json says the same.
    for (const version of Object.values(all)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);

    const npm = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string; dependencies?: object; devDependencies?: object }> };
    expect(npm.packages[""]!.dependencies).toEqual(pkg.dependencies);
    expect(npm.packages[""]!.devDependencies).toEqual(pkg.devDependencies);
    for (const [name, version] of Object.entries(all)) expect(npm.packages[`node_modules/${name}`]?.version, name).toBe(version);

    const pnpm = parseYaml(readFileSync(join(dir, "pnpm-lock.yaml"), "utf8")) as { lockfileVersion: string; importers: { ".": Record<string, Record<string, { specifier: string; version: string }>> } };
    expect(pnpm.lockfileVersion).toBe("9.0");
    const importer = pnpm.importers["."];
    const specifiers = Object.fromEntries(Object.values(importer).flatMap((group) => Object.entries(group).map(([name, v]) => [name, v.specifier])));
    expect(specifiers).toEqual(all);

    const yarn = readFileSync(join(dir, "yarn.lock"), "utf8");
    expect(yarn).toMatch(/^# yarn lockfile v1$/m);
    for (const [name, version] of Object.entries(all)) expect(yarn, name).toMatch(new RegExp(`^"?${name.replace(/[/.]/g, "\\$&")}@${version.replace(/\./g, "\\.")}"?[,:]`, "m"));
  });
});
