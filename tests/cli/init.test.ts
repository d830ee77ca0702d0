// `docker-scaffold init` through the CLI (in-process, captured output) in temporary
// repositories: statuses, idempotence, conflicts (exit 3, nothing written), --force,
// --dry-run, --diff, --only, --json, usage errors (exit 2) and the Makefile merge.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { OUTPUT_FILES } from "../../src/model/plan.js";
import { BLOCK_BEGIN, BLOCK_END, wrapBlock } from "../../src/write/managed-block.js";
import { runCliCaptured } from "../helpers/cli.js";
import { readTree, tempDir } from "../helpers/tmp.js";

const FLASK = ["--preset", "python-flask", "--yes"];

/** The "  STATUS    path" lines of a run, as [status, path]. */
function statuses(stdout: string): [string, string][] {
  return [...stdout.matchAll(/^  (CREATE|IDENTICAL|UPDATE|CONFLICT)\s+(\S+)$/gm)].map((m) => [m[1]!, m[2]!]);
}

function mtimes(dir: string): Record<string, number> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
}

async function scaffolded(): Promise<string> {
  const dir = tempDir();
  const run = await runCliCaptured(["init", ...FLASK], dir);
  expect(run.code).toBe(0);
  return dir;
}

describe("init --preset python-flask --yes", () => {
  it("writes the eight files, each CREATE", async () => {
    const dir = tempDir();
    const run = await runCliCaptured(["init", ...FLASK], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(statuses(run.stdout)).toEqual(OUTPUT_FILES.map((f) => ["CREATE", f]));
    expect(readdirSync(dir).sort()).toEqual([...OUTPUT_FILES, ".docker-scaffold"].sort());
    const tree = readTree(dir);
    expect(tree["Dockerfile"]).toMatch(/^# syntax=docker\/dockerfile:1\n/);
    expect(tree["Dockerfile"]).toContain("EXPOSE 8000");
    expect(tree["docker-compose.yml"]).toContain("read_only: true");
    expect(tree["Makefile"]).toContain(BLOCK_BEGIN);
    expect(tree[".docker-scaffold.yml"]).toContain("name: python-flask");
    expect(run.stdout).toContain("Next: cp env.example .env");
  });

  it("records each file's strategy and sha256, and keeps its merge base in .docker-scaffold/base/", async () => {
    const dir = await scaffolded();
    const tree = readTree(dir);
    const files = (parseYaml(tree[".docker-scaffold.yml"]!) as { files: Record<string, { strategy: string; sha256: string }> }).files;
    expect(Object.keys(files)).toEqual(OUTPUT_FILES.filter((f) => f !== ".docker-scaffold.yml"));
    for (const [path, record] of Object.entries(files)) {
      expect(record.sha256, path).toBe(createHash("sha256").update(tree[path]!).digest("hex"));
      // The base is the template output: the whole file, or for a managed block its body.
      const base = tree[`.docker-scaffold/base/${path}`]!;
      if (record.strategy === "managed-block") expect(tree[path]).toBe(wrapBlock(base));
      else expect(base, path).toBe(tree[path]);
    }
    expect(tree[".dockerignore"]).toMatch(/^\.docker-scaffold\/$/m);
  });

  it("a preset file is recorded by its path, so a re-run with --yes finds it again", async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, "presets"));
    writeFileSync(join(cwd, "presets", "team.yaml"), "apiVersion: docker-scaffold/v1\nkind: Preset\nname: team-api\nversion: 2.0.0\nanswers: {language: python, framework: flask}\n");
    expect((await runCliCaptured(["init", "svc", "--preset", "presets/team.yaml", "--yes"], cwd)).code).toBe(0);
    const recorded = parseYaml(readFileSync(join(cwd, "svc", ".docker-scaffold.yml"), "utf8")) as { preset: unknown };
    expect(recorded.preset).toEqual({ name: "team-api", version: "2.0.0", source: "../presets/team.yaml" });
    const again = await runCliCaptured(["init", "svc", "--yes"], cwd);
    expect(again.stderr).toBe("");
    expect(statuses(again.stdout).every(([s]) => s === "IDENTICAL")).toBe(true);
  });

  it("the directory argument is relative to the working directory", async () => {
    const cwd = tempDir();
    const run = await runCliCaptured(["init", "svc", ...FLASK], cwd);
    expect(run.code).toBe(0);
    expect(readdirSync(join(cwd, "svc")).sort()).toEqual([...OUTPUT_FILES, ".docker-scaffold"].sort());
    // init is the default command.
    const cwd2 = tempDir();
    expect((await runCliCaptured([...FLASK], cwd2)).code).toBe(0);
    expect(readdirSync(cwd2).sort()).toEqual([...OUTPUT_FILES, ".docker-scaffold"].sort());
  });

  it("a re-run prints only IDENTICAL and changes no file, content or mtime", async () => {
    const dir = await scaffolded();
    const before = readTree(dir);
    const times = mtimes(dir);
    await new Promise((r) => setTimeout(r, 20));
    for (const args of [FLASK, ["--yes"]]) {
      const run = await runCliCaptured(["init", ...args], dir);
      expect(run.code).toBe(0);
      expect(statuses(run.stdout)).toEqual(OUTPUT_FILES.map((f) => ["IDENTICAL", f]));
      expect(run.stdout).not.toContain("Next:");
      expect(readTree(dir)).toEqual(before);
      expect(mtimes(dir)).toEqual(times);
    }
  });

  it("an existing different Dockerfile: exit 3, the file listed, nothing written", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM mine\n");
    const run = await runCliCaptured(["init", ...FLASK], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("These files exist and differ from what would be written:\n  - Dockerfile\n");
    expect(run.stderr).toContain("Nothing was written.");
    expect(run.stderr).toContain("--force");
    expect(run.stderr).not.toContain("@@");
    expect(readTree(dir)).toEqual({ Dockerfile: "FROM mine\n" });
  });

  it("a conflict with --diff shows the unified diff in the message", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM mine\n");
    const run = await runCliCaptured(["init", ...FLASK, "--diff"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("--- a/Dockerfile");
    expect(run.stderr).toContain("-FROM mine");
    expect(run.stderr).toContain("+# syntax=docker/dockerfile:1");
    expect(readTree(dir)).toEqual({ Dockerfile: "FROM mine\n" });
  });

  it("every conflicting file is listed", async () => {
    const dir = await scaffolded();
    writeFileSync(join(dir, "Dockerfile"), "edited\n");
    writeFileSync(join(dir, "docker-compose.yml"), "services: {}\n");
    const before = readTree(dir);
    const run = await runCliCaptured(["init", ...FLASK, "--port", "9000"], dir);
    expect(run.code).toBe(3);
    // The edited files, and those the new port changes; the Makefile and .gitignore are merged, not conflicts.
    const listed = [...run.stderr.matchAll(/^  - (\S+)$/gm)].map((m) => m[1]);
    expect(listed).toEqual(["Dockerfile", "docker-compose.yml", "env.example", "README.Docker.md", ".docker-scaffold.yml"]);
    expect(readTree(dir)).toEqual(before);
  });

  it("--force overwrites a different file (UPDATE) and writes the rest", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM mine\n");
    const run = await runCliCaptured(["init", ...FLASK, "--force"], dir);
    expect(run.code).toBe(0);
    const s = statuses(run.stdout);
    expect(s[0]).toEqual(["UPDATE", "Dockerfile"]);
    expect(s.slice(1).every(([status]) => status === "CREATE")).toBe(true);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toMatch(/^# syntax=docker\/dockerfile:1/);
    expect(readdirSync(dir).sort()).toEqual([...OUTPUT_FILES, ".docker-scaffold"].sort());
  });

  it("--dry-run writes nothing and lists what it would do", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM mine\n");
    const run = await runCliCaptured(["init", ...FLASK, "--dry-run"], dir);
    // A dry run that would change (or conflict with) files is still 0.
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Dry run \(nothing written\) in /);
    expect(statuses(run.stdout)).toEqual([["CONFLICT", "Dockerfile"], ...OUTPUT_FILES.slice(1).map((f) => ["CREATE", f])]);
    expect(run.stdout).not.toContain("@@");
    expect(readTree(dir)).toEqual({ Dockerfile: "FROM mine\n" });
  });

  it("--dry-run --diff prints a unified diff of every change", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM mine\n");
    const run = await runCliCaptured(["init", ...FLASK, "--dry-run", "--diff"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^--- a\/Dockerfile\t?$/m);
    expect(run.stdout).toMatch(/^\+\+\+ b\/Dockerfile\t?$/m);
    expect(run.stdout).toMatch(/^@@ -1,1 \+1,\d+ @@$/m);
    expect(run.stdout).toContain("\n-FROM mine\n");
    // New files diff against /dev/null.
    expect(run.stdout).toMatch(/^--- \/dev\/null\t?\n\+\+\+ b\/\.dockerignore/m);
    expect(readTree(dir)).toEqual({ Dockerfile: "FROM mine\n" });
  });

  it("--dry-run --diff on an up-to-date repository prints no diff", async () => {
    const dir = await scaffolded();
    const run = await runCliCaptured(["init", ...FLASK, "--dry-run", "--diff"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("@@");
  });

  it("--only Dockerfile,.dockerignore writes only those", async () => {
    const dir = tempDir();
    const run = await runCliCaptured(["init", ...FLASK, "--only", "Dockerfile,.dockerignore"], dir);
    expect(run.code).toBe(0);
    expect(statuses(run.stdout)).toEqual([
      ["CREATE", "Dockerfile"],
      ["CREATE", ".dockerignore"],
    ]);
    expect(readdirSync(dir).sort()).toEqual([".docker-scaffold", ".dockerignore", "Dockerfile"]);
  });

  it("--only with an unknown file is exit 2 naming it and the files", async () => {
    const dir = tempDir();
    const run = await runCliCaptured(["init", ...FLASK, "--only", "Dockerfile,compose.yml"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown file "compose.yml"');
    expect(run.stderr).toContain("docker-compose.yml");
    expect(readTree(dir)).toEqual({});
  });

  it("--json prints one JSON document with the files and the answers", async () => {
    const dir = tempDir();
    const run = await runCliCaptured(["init", ...FLASK, "--json", "--port", "9000"], dir);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      dir: string;
      dryRun: boolean;
      files: { path: string; status: string }[];
      answers: Record<string, unknown>;
      sources: Record<string, string>;
    };
    expect(out.dir).toBe(dir);
    expect(out.dryRun).toBe(false);
    expect(out.files).toEqual(OUTPUT_FILES.map((path) => ({ path, status: "create" })));
    expect(out.answers).toMatchObject({ language: "python", framework: "flask", port: 9000, healthPath: "/health" });
    expect(out.sources).toMatchObject({ port: "flag", framework: "preset:python-flask" });
    expect(readdirSync(dir).length).toBe(9);
  });

  it("--json --dry-run reports statuses and writes nothing", async () => {
    const dir = tempDir();
    const run = await runCliCaptured(["init", ...FLASK, "--json", "--dry-run"], dir);
    const out = JSON.parse(run.stdout) as { dryRun: boolean; files: { status: string }[] };
    expect(out.dryRun).toBe(true);
    expect(out.files.every((f) => f.status === "create")).toBe(true);
    expect(readTree(dir)).toEqual({});
  });
});

describe("an existing Makefile", () => {
  it("gets our block appended and keeps its own content byte for byte", async () => {
    const dir = tempDir();
    const mine = ".PHONY: test\n\ntest:\n\tpytest -q\n\n# keep me   \nlint:\n\truff check .\n";
    writeFileSync(join(dir, "Makefile"), mine);
    const run = await runCliCaptured(["init", ...FLASK], dir);
    expect(run.code).toBe(0);
    expect(statuses(run.stdout)).toContainEqual(["UPDATE", "Makefile"]);
    const makefile = readFileSync(join(dir, "Makefile"), "utf8");
    expect(makefile.startsWith(`${mine}\n${BLOCK_BEGIN}\n`)).toBe(true);
    expect(makefile.endsWith(`${BLOCK_END}\n`)).toBe(true);
    // The user's lint target is theirs: ours is renamed.
    const block = makefile.slice(makefile.indexOf(BLOCK_BEGIN));
    expect(block).toMatch(/^docker-lint:/m);
    expect(block).not.toMatch(/^lint:/m);
    // Idempotent: the second run leaves it as it is.
    const again = await runCliCaptured(["init", ...FLASK], dir);
    expect(statuses(again.stdout)).toContainEqual(["IDENTICAL", "Makefile"]);
    expect(readFileSync(join(dir, "Makefile"), "utf8")).toBe(makefile);
  });

  it("with broken markers is a conflict (exit 3) even with --force, and nothing is written", async () => {
    const dir = tempDir();
    const broken = `test:\n\tpytest\n${BLOCK_BEGIN}\nold:\n`;
    writeFileSync(join(dir, "Makefile"), broken);
    for (const extra of [[], ["--force"]]) {
      const run = await runCliCaptured(["init", ...FLASK, ...extra], dir);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain("  - Makefile");
      expect(run.stderr).toContain("markers");
      expect(readTree(dir)).toEqual({ Makefile: broken });
    }
  });

  it("an existing .gitignore keeps its lines and gains the block", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".gitignore"), "node_modules/\n");
    expect((await runCliCaptured(["init", ...FLASK], dir)).code).toBe(0);
    const gitignore = readFileSync(join(dir, ".gitignore"), "utf8");
    expect(gitignore.startsWith("node_modules/\n\n")).toBe(true);
    expect(gitignore).toContain("\n.env\n");
  });
});

describe("usage errors: exit 2, naming the answer and the fix", () => {
  it.each([
    [["--port", "80"], ["port: 80 is not a whole number from 1024 to 65535", "--port"]],
    [["--port", "http"], ['port: "http" is not a whole number', "--port"]],
    [["--language", "python", "--framework", "express"], ['framework: "express" is not a python framework', "use --framework with one of: flask, fastapi, django, none"]],
    [["--package-manager", "bun"], ['packageManager: "bun" is not a python package manager', "--package-manager"]],
    [["--base", "distroless"], ["base: distroless is not offered for Python", "use --base slim"]],
    [["--health-path", "health"], ["healthPath:", "--health-path /health"]],
    [["--name", "My App"], ["name:", "--name my-app"]],
    [["--start-command", "gunicorn app:app\nRUN evil"], ["startCommand: contains a newline", "--start-command"]],
    [["--set", "port"], ['--set "port" is not key=value', "fix: write --set port=8000"]],
    [["--set", "colour=red"], ["--set colour: unknown answer key", "fix: use one of"]],
    [["--set", "port=["], ["--set port: the value", "fix: quote it"]],
    [["--preset", "pyhton-flask"], ['Unknown preset "pyhton-flask"', "python-flask"]],
    [["--answers", "nope.yaml"], ["Answers file", "does not exist", "--answers"]],
  ])("%j", async (args, expected) => {
    const dir = tempDir();
    const base = args.includes("--preset") ? ["--yes"] : FLASK;
    const run = await runCliCaptured(["init", ...base, ...args], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    for (const text of expected) expect(run.stderr).toContain(text);
    expect(run.stderr).not.toContain("this is a bug");
    expect(readTree(dir)).toEqual({});
  });

  it("several problems come in one message", async () => {
    const dir = tempDir();
    const run = await runCliCaptured(["init", ...FLASK, "--port", "80", "--name", "Bad", "--health-path", "x"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.match(/^docker-scaffold: /gm)).toHaveLength(1);
    for (const key of ["port", "name", "healthPath"]) expect(run.stderr).toMatch(new RegExp(`^  - ${key}: `, "m"));
  });

  it("--yes with nothing to go on lists every missing answer with its flag", async () => {
    const dir = tempDir();
    const run = await runCliCaptured(["init", "--yes"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Missing answers (non-interactive mode cannot ask for them):");
    expect(run.stderr).toContain("  - language: is required and was not given\n    fix: pass --language <python|node|go|rust|java>");
    expect(run.stderr).toContain("  - framework: is required and was not given\n    fix: pass --framework <name>");
  });

  it("--yes with a framework that has no start command asks for --start-command", async () => {
    const run = await runCliCaptured(["init", "--yes", "--language", "node", "--framework", "none"], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("startCommand: has no default for this framework");
    expect(run.stderr).toContain("--start-command <cmd>");
  });

  it("an invalid answer in a hand-edited .docker-scaffold.yml is exit 2 naming the key there", async () => {
    const dir = await scaffolded();
    const path = join(dir, ".docker-scaffold.yml");
    writeFileSync(path, readFileSync(path, "utf8").replace("answers: {}", "answers:\n  port: 80\n  healthPath: health"));
    const before = readTree(dir);
    const run = await runCliCaptured(["init", "--yes"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("  - port: 80 is not a whole number from 1024 to 65535 (answers.port in .docker-scaffold.yml)\n    fix: correct answers.port in .docker-scaffold.yml, or ");
    expect(run.stderr).toContain("(answers.healthPath in .docker-scaffold.yml)");
    expect(readTree(dir)).toEqual(before);
  });

  it("an invalid .docker-scaffold.yml is exit 2", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".docker-scaffold.yml"), "answers: [\n");
    const run = await runCliCaptured(["init", "--yes"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(".docker-scaffold.yml is not valid YAML");
  });
});

describe("commander", () => {
  it("--help exits 0 and shows the init options", async () => {
    const run = await runCliCaptured(["--help"], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: docker-scaffold");
    const init = await runCliCaptured(["init", "--help"], tempDir());
    expect(init.code).toBe(0);
    for (const flag of ["--preset", "--yes", "--set", "--dry-run", "--diff", "--force", "--only", "--json", "--port", "--health-path"]) expect(init.stdout).toContain(flag);
  });

  it("--version exits 0", async () => {
    const run = await runCliCaptured(["--version"], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("an unknown option exits 2 and says which", async () => {
    const dir = tempDir();
    const run = await runCliCaptured(["init", "--bogus"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--bogus'");
    expect(readTree(dir)).toEqual({});
  });

  it("too many arguments exits 2", async () => {
    const run = await runCliCaptured(["init", "a", "b"], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("too many arguments for 'init'");
  });

  it("an option missing its value exits 2", async () => {
    const run = await runCliCaptured(["init", "--port"], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--port");
  });
});

describe("init --starter (issue 10)", () => {
  it("the README's one-liner: a new folder gets the Docker files and a starter app, and says how to test it", async () => {
    const cwd = tempDir();
    const run = await runCliCaptured(["init", "my-api", "--preset", "python-fastapi", "--yes", "--starter"], cwd);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const paths = statuses(run.stdout).map(([, p]) => p);
    expect(paths).toEqual([...OUTPUT_FILES, "app/__init__.py", "app/main.py", "tests/test_main.py", "requirements.txt", "requirements-dev.txt", "pytest.ini"]);
    expect(run.stdout).toContain("Starter: a FastAPI app (app/main.py); its own test: pip install -r requirements-dev.txt && pytest");
    expect(readFileSync(join(cwd, "my-api", "app", "main.py"), "utf8")).toContain('app = FastAPI(title="my-api")');
  });

  it("--json reports the starter and its files", async () => {
    const run = await runCliCaptured(["init", "--preset", "go-http", "--yes", "--starter", "--json", "--dry-run"], tempDir());
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { starter: { id: string; files: string[] } };
    expect(out.starter).toEqual({ id: "go-http", files: ["go.mod", "main.go", "main_test.go"] });
  });

  it("without --starter, an empty folder gets a hint; a folder with an app and --no-starter do not", async () => {
    const empty = await runCliCaptured(["init", ...FLASK], tempDir());
    expect(empty.stdout).toContain("There is no app here yet: add --starter");
    const declined = await runCliCaptured(["init", ...FLASK, "--no-starter"], tempDir());
    expect(declined.stdout).not.toContain("--starter");
    const withApp = tempDir();
    writeFileSync(join(withApp, "requirements.txt"), "flask\n");
    expect((await runCliCaptured(["init", ...FLASK], withApp)).stdout).not.toContain("--starter");
  });

  it("--starter beside an app is exit 2 and writes nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "go.mod"), "module example.com/x\n\ngo 1.23\n");
    const run = await runCliCaptured(["init", "--preset", "go-http", "--yes", "--starter"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("already has an app (go.mod: Go module)");
    expect(readdirSync(dir)).toEqual(["go.mod"]);
  });

  it("--starter with a package manager it cannot lock is exit 2 with the fix", async () => {
    const dir = tempDir();
    const run = await runCliCaptured(["init", "--preset", "python-fastapi", "--package-manager", "poetry", "--yes", "--starter"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("a poetry starter needs a poetry.lock resolved against PyPI");
    expect(run.stderr).toContain("fix: use --package-manager pip");
    expect(readTree(dir)).toEqual({});
  });
});
