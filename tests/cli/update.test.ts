// `docker-scaffold update` and `init --check` in temporary repositories (in-process CLI):
// idempotence, your edits surviving a template change in every file, conflicts in each
// --conflict mode, files no longer generated and --prune, the clean-git requirement,
// --check and --json, a hand-edited .docker-scaffold.yml, and all-or-nothing writes.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fse from "fs-extra";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { CancelledError, MergeConflictError } from "../../src/errors.js";
import { OUTPUT_FILES } from "../../src/model/plan.js";
import { MARKERS } from "../../src/update/merge-lines.js";
import { runUpdate } from "../../src/update/run-update.js";
import { BLOCK_BEGIN } from "../../src/write/managed-block.js";
import { runBuilt } from "../helpers/built-cli.js";
import { runCliCaptured } from "../helpers/cli.js";
import { ScriptedPrompter } from "../helpers/scripted-prompter.js";
import { readTree, tempDir } from "../helpers/tmp.js";

/** The "  STATUS    path" lines of a run, as [status, path]. */
function statuses(stdout: string): [string, string][] {
  return [...stdout.matchAll(/^  ([A-Z]+)\s+(\S+)/gm)].map((m) => [m[1]!, m[2]!]);
}

function mtimes(dir: string): Record<string, number> {
  return Object.fromEntries(Object.keys(readTree(dir)).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
}

function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} is not in ${file}`);
  writeFileSync(path, text.replace(from, to));
}

async function scaffold(args: string[] = ["--preset", "python-django", "--yes"], dir = tempDir()): Promise<string> {
  const run = await runCliCaptured(["init", ...args], dir);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return dir;
}

/** A Makefile of the user's with hand-written targets, scaffolded around. */
const OWN_MAKEFILE = ".PHONY: test\n\ntest:\n\tpytest -q\n";
const OWN_TAIL = "\n# after our block, also mine\nrelease: test\n\t./release.sh\n";

/** Edits everywhere, none on the lines a port change touches. */
function editEverything(dir: string): void {
  edit(dir, "Dockerfile", "# syntax=docker/dockerfile:1\n", "# syntax=docker/dockerfile:1\n# Owned by the payments team.\n");
  edit(dir, ".dockerignore", ".git\n", ".git\nscratch/\n");
  edit(dir, "env.example", "# Secrets are left empty here on purpose.\n", "# Secrets are left empty here on purpose; ask #platform.\n");
  writeFileSync(join(dir, "env.example"), `${readFileSync(join(dir, "env.example"), "utf8")}SENTRY_DSN=\n`);
  edit(dir, "docker-compose.yml", "      DJANGO_DEBUG: ${DJANGO_DEBUG:-false}\n", "      DJANGO_DEBUG: ${DJANGO_DEBUG:-false}\n      SENTRY_DSN: ${SENTRY_DSN:-} # errors go to Sentry\n");
  edit(dir, "docker-compose.yml", "networks:\n  app: {}\n", "  # Local database.\n  db:\n    image: postgres:16.4\nnetworks:\n  app: {}\n");
  edit(dir, "Makefile", "PULL ?= --pull\n", "PULL ?=\n");
  writeFileSync(join(dir, "Makefile"), `${readFileSync(join(dir, "Makefile"), "utf8")}${OWN_TAIL}`);
  edit(dir, "README.Docker.md", " in a container\n", " in a container\n\n> Maintained by the payments team.\n");
}

describe("update right after init", () => {
  it("reports every file IDENTICAL and writes nothing (content and mtimes, bases included)", async () => {
    const dir = await scaffold();
    const before = readTree(dir);
    const times = mtimes(dir);
    await new Promise((r) => setTimeout(r, 20));
    const run = await runCliCaptured(["update"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Nothing to update: every file is up to date in /);
    expect(statuses(run.stdout)).toEqual(OUTPUT_FILES.map((f) => ["IDENTICAL", f]));
    expect(readTree(dir)).toEqual(before);
    expect(mtimes(dir)).toEqual(times);
  });

  it("init --check and update --check pass (exit 0)", async () => {
    const dir = await scaffold();
    for (const args of [["init", "--check"], ["update", "--check"]]) {
      const run = await runCliCaptured(args, dir);
      expect(run.code, args.join(" ")).toBe(0);
      expect(run.stdout).toContain("every file is what .docker-scaffold.yml produces");
    }
  });
});

describe("update after a template change (--set port=9000), with your edits in every file", () => {
  it("merges your edits with the template's changes and keeps every one of them", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Makefile"), OWN_MAKEFILE);
    await scaffold(["--preset", "python-django", "--yes"], dir);
    editEverything(dir);
    const run = await runCliCaptured(["update", "--set", "port=9000"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(statuses(run.stdout)).toEqual([
      ["MERGED", "Dockerfile"],
      ["KEPT", ".dockerignore"],
      ["MERGED", "docker-compose.yml"],
      ["MERGED", "env.example"],
      ["MERGED", "Makefile"],
      ["MERGED", "README.Docker.md"],
      ["IDENTICAL", ".gitignore"],
      ["UPDATE", ".docker-scaffold.yml"],
    ]);
    const t = readTree(dir);
    expect(t.Dockerfile).toContain("# Owned by the payments team.\n");
    expect(t.Dockerfile).toContain("EXPOSE 9000");
    expect(t[".dockerignore"]).toContain(".git\nscratch/\n");
    expect(t["env.example"]).toContain("ask #platform.");
    expect(t["env.example"]).toContain("HOST_PORT=9000\n");
    expect(t["env.example"]!.endsWith("DJANGO_DEBUG=false\nSENTRY_DSN=\n")).toBe(true);
    const compose = parse(t["docker-compose.yml"]!) as { services: Record<string, { ports?: string[]; environment?: Record<string, string>; image: string }> };
    const app = Object.keys(compose.services)[0]!;
    expect(Object.keys(compose.services)).toEqual([app, "db"]);
    expect(compose.services[app]!.ports).toEqual(["127.0.0.1:${HOST_PORT:-9000}:9000"]);
    expect(compose.services[app]!.environment!.SENTRY_DSN).toBe("${SENTRY_DSN:-}");
    expect(compose.services.db!.image).toBe("postgres:16.4");
    expect(t["docker-compose.yml"]).toContain("# errors go to Sentry");
    expect(t["docker-compose.yml"]).toContain("# Local database.");
    // The Makefile: your targets before and after the block byte for byte; inside, your edit and the new port.
    expect(t.Makefile!.startsWith(`${OWN_MAKEFILE}\n${BLOCK_BEGIN}\n`)).toBe(true);
    expect(t.Makefile!.endsWith(OWN_TAIL)).toBe(true);
    expect(t.Makefile).toContain("PULL ?=\n");
    expect(t.Makefile).toContain("PORT ?= 9000\n");
    expect(t["README.Docker.md"]).toContain("> Maintained by the payments team.");
    expect(t["README.Docker.md"]).toContain("127.0.0.1:9000");
    // The answer is recorded; the bases are the new template output.
    expect(parse(t[".docker-scaffold.yml"]!).answers.port).toBe(9000);
    expect(t[".docker-scaffold/base/Dockerfile"]).toContain("EXPOSE 9000");
    expect(t[".docker-scaffold/base/Dockerfile"]).not.toContain("payments");

    // Again: nothing to do; your edited files are KEPT, nothing is written.
    const before = readTree(dir);
    const again = await runCliCaptured(["update"], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Nothing to update/);
    expect(statuses(again.stdout).map(([s]) => s)).toEqual(["KEPT", "KEPT", "KEPT", "KEPT", "KEPT", "KEPT", "IDENTICAL", "IDENTICAL"]);
    expect(readTree(dir)).toEqual(before);
    // Your kept edits are not drift.
    expect((await runCliCaptured(["init", "--check"], dir)).code).toBe(0);
  });

  it("a file you did not edit is updated silently; one you deleted is created again", async () => {
    const dir = await scaffold();
    fse.removeSync(join(dir, "README.Docker.md"));
    const run = await runCliCaptured(["update", "--set", "port=9000"], dir);
    expect(run.code).toBe(0);
    expect(statuses(run.stdout)).toContainEqual(["UPDATE", "Dockerfile"]);
    expect(statuses(run.stdout)).toContainEqual(["CREATE", "README.Docker.md"]);
    expect(run.stdout).toContain("(you had not edited it)");
  });

  it("a later change to the preset file reaches the repository; your explicit answers stay", async () => {
    const dir = tempDir();
    const preset = (version: string, memory: string) =>
      `apiVersion: docker-scaffold/v1\nkind: Preset\nname: team-api\nversion: ${version}\nanswers:\n  language: python\n  framework: flask\n  security:\n    memory: ${memory}\n`;
    writeFileSync(join(dir, "team.yaml"), preset("1.0.0", "512m"));
    await scaffold(["--preset", "team.yaml", "--yes", "--port", "7000"], dir);
    writeFileSync(join(dir, "team.yaml"), preset("1.1.0", "768m"));
    const run = await runCliCaptured(["update", "--allow-dirty"], dir);
    expect(run.code).toBe(0);
    const t = readTree(dir);
    expect(t["docker-compose.yml"]).toContain("mem_limit: 768m");
    expect(t.Dockerfile).toContain("EXPOSE 7000");
    const recorded = parse(t[".docker-scaffold.yml"]!);
    // A preset file is recorded by its path (relative to this directory) and found again by it.
    expect(recorded.preset).toEqual({ name: "team-api", version: "1.1.0", source: "team.yaml" });
    expect(recorded.answers).toEqual({ port: "7000" });
  });
});

describe("conflicts (your edit and the template's change on the same lines)", () => {
  async function conflicted(): Promise<string> {
    const dir = await scaffold();
    edit(dir, "Dockerfile", '"--workers", "2"', '"--workers", "4"');
    edit(dir, "env.example", "HOST_PORT=8000", "HOST_PORT=8080");
    edit(dir, "README.Docker.md", " in a container\n", " in a container\n\n> Ours.\n");
    return dir;
  }

  it("without a terminal: --conflict fail by default, exit 3, the hunks printed, nothing written", async () => {
    const dir = await conflicted();
    const before = readTree(dir);
    const run = await runCliCaptured(["update", "--set", "port=9000"], dir);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^Nothing written in .* \(conflicts\):/);
    expect(statuses(run.stdout)).toContainEqual(["CONFLICT", "Dockerfile"]);
    expect(statuses(run.stdout)).toContainEqual(["MERGED", "README.Docker.md"]);
    expect(run.stderr).toContain("Your edits and the template's changes conflict in:\n  - Dockerfile\n  - env.example\nNothing was written.");
    expect(run.stderr).toMatch(/^Dockerfile:\d+:\n<<<<<<< yours\nCMD \["gunicorn", "--bind", "0\.0\.0\.0:8000", "--workers", "4"/m);
    expect(run.stderr).toMatch(/^env\.example:\d+:\n<<<<<<< yours\n/m);
    expect(readTree(dir)).toEqual(before);
  });

  it("--conflict markers writes every file, the conflicts with markers, and exits 3; --check then fails until they are resolved", async () => {
    const dir = await conflicted();
    const run = await runCliCaptured(["update", "--set", "port=9000", "--conflict", "markers"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("Wrote these files with conflict markers");
    const t = readTree(dir);
    expect(t.Dockerfile).toContain(`${MARKERS.ours}\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "4"`);
    expect(t.Dockerfile).toContain("EXPOSE 9000");
    expect(t["README.Docker.md"]).toContain("> Ours.");
    expect(parse(t[".docker-scaffold.yml"]!).answers.port).toBe(9000);
    const check = await runCliCaptured(["update", "--check"], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("still has conflict markers");
    expect(check.stderr).toContain("  - Dockerfile\n  - env.example\n");
  });

  it("--conflict ours keeps your lines where they conflict; --conflict theirs takes the template's; both merge the rest", async () => {
    for (const [mode, workers, hostPort] of [
      ["ours", '"0.0.0.0:8000", "--workers", "4"', "HOST_PORT=8080"],
      ["theirs", '"0.0.0.0:9000", "--workers", "2"', "HOST_PORT=9000"],
    ] as const) {
      const dir = await conflicted();
      const run = await runCliCaptured(["update", "--set", "port=9000", "--conflict", mode], dir);
      expect(run.code, mode).toBe(0);
      expect(run.stdout).toContain(`(1 conflict, resolved with ${mode === "ours" ? "yours" : "the template's"})`);
      const t = readTree(dir);
      expect(t.Dockerfile).toContain(workers);
      expect(t.Dockerfile).toContain("EXPOSE 9000");
      expect(t["env.example"]).toContain(hostPort);
      expect(t["README.Docker.md"]).toContain("> Ours.");
      expect(t.Dockerfile).not.toContain(MARKERS.ours);
    }
  });

  it("--conflict prompt needs a terminal (exit 2)", async () => {
    const dir = await conflicted();
    const run = await runCliCaptured(["update", "--conflict", "prompt"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--conflict prompt needs a terminal");
  });

  it("an unknown --conflict mode is exit 2", async () => {
    const run = await runCliCaptured(["update", "--conflict", "mine"], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Allowed choices are prompt, fail, markers, ours, theirs");
  });

  describe("in a terminal: asked per file", () => {
    it("show diff, then keep mine / take theirs; each file its own answer", async () => {
      const dir = await conflicted();
      const prompter = new ScriptedPrompter({ "conflict:Dockerfile": "diff", "conflict:env.example": "theirs" });
      // The scripted prompter answers each name once: the second Dockerfile question gets "ours".
      const select = prompter.select.bind(prompter);
      let asked = 0;
      prompter.select = (async (q: Parameters<typeof select>[0]) => {
        if (q.name === "conflict:Dockerfile" && ++asked === 2) return "ours";
        return select(q);
      }) as typeof prompter.select;
      await runUpdate({ dir, set: ["port=9000"], prompter });
      expect(asked).toBe(2);
      expect(prompter.notes.join("\n")).toContain("<<<<<<< yours");
      expect(prompter.notes.join("\n")).toContain("+++ b/Dockerfile");
      const t = readTree(dir);
      expect(t.Dockerfile).toContain('"0.0.0.0:8000", "--workers", "4"');
      expect(t["env.example"]).toContain("HOST_PORT=9000");
      const q = prompter.questions.get("conflict:env.example") as { choices: { value: string }[]; message: string };
      expect(q.choices.map((c) => c.value)).toEqual(["ours", "theirs", "diff", "markers", "abort"]);
      expect(q.message).toBe("env.example: your edits and the template's changes conflict in 1 place. What now?");
    });

    it("abort writes nothing (CancelledError, exit 130)", async () => {
      const dir = await conflicted();
      const before = readTree(dir);
      const prompter = new ScriptedPrompter({ "conflict:Dockerfile": "ours", "conflict:env.example": "abort" });
      const err = await runUpdate({ dir, set: ["port=9000"], prompter }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CancelledError);
      expect((err as CancelledError).exitCode).toBe(130);
      expect(readTree(dir)).toEqual(before);
    });

    it("write markers: everything is written, then exit 3", async () => {
      const dir = await conflicted();
      const prompter = new ScriptedPrompter({ "conflict:Dockerfile": "markers", "conflict:env.example": "ours" });
      const err = await runUpdate({ dir, set: ["port=9000"], prompter }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MergeConflictError);
      expect((err as MergeConflictError).written).toBe(true);
      expect((err as MergeConflictError).files).toEqual(["Dockerfile"]);
      expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toContain(MARKERS.ours);
      expect(readFileSync(join(dir, "env.example"), "utf8")).toContain("HOST_PORT=8080");
    });
  });
});

describe("files no longer generated", () => {
  async function withoutReadme(): Promise<string> {
    const dir = await scaffold();
    edit(dir, ".docker-scaffold.yml", "answers:", "only: [Dockerfile, .dockerignore, docker-compose.yml, env.example, Makefile, .gitignore, .docker-scaffold.yml]\nanswers:");
    return dir;
  }

  it("are reported and kept; --prune deletes them with their base and record", async () => {
    const dir = await withoutReadme();
    const run = await runCliCaptured(["update"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^  ORPHANED\s+README\.Docker\.md\s+\(no longer generated; kept \(update --prune deletes it\)\)$/m);
    expect(readdirSync(dir)).toContain("README.Docker.md");
    // Not drift: update would not change it.
    expect((await runCliCaptured(["update", "--check"], dir)).code).toBe(0);

    const pruned = await runCliCaptured(["update", "--prune"], dir);
    expect(pruned.code).toBe(0);
    expect(statuses(pruned.stdout)).toContainEqual(["PRUNED", "README.Docker.md"]);
    const t = readTree(dir);
    expect(t["README.Docker.md"]).toBeUndefined();
    expect(t[".docker-scaffold/base/README.Docker.md"]).toBeUndefined();
    expect(Object.keys(parse(t[".docker-scaffold.yml"]!).files)).not.toContain("README.Docker.md");
    expect((await runCliCaptured(["update"], dir)).stdout).not.toContain("README.Docker.md");
  });

  it("--prune leaves one you edited", async () => {
    const dir = await withoutReadme();
    edit(dir, "README.Docker.md", " in a container\n", " in a container\n\nOur notes.\n");
    const run = await runCliCaptured(["update", "--prune"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("you edited it, so it stays");
    expect(readFileSync(join(dir, "README.Docker.md"), "utf8")).toContain("Our notes.");
  });
});

describe("git", () => {
  const git = (dir: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: dir, stdio: "pipe" });

  it("update refuses uncommitted changes (exit 2, listing them) unless --allow-dirty; a clean tree is fine", async () => {
    const dir = await scaffold();
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "scaffold");
    expect((await runCliCaptured(["update", "--set", "port=9000"], dir)).code).toBe(0);
    const dirty = await runCliCaptured(["update", "--set", "port=9100"], dir);
    expect(dirty.code).toBe(2);
    expect(dirty.stderr).toContain("git has uncommitted changes here:\n");
    expect(dirty.stderr).toContain("\n  - Dockerfile\n");
    expect(dirty.stderr).toContain("--allow-dirty");
    // Reading is always allowed.
    expect((await runCliCaptured(["update", "--check"], dir)).code).toBe(0);
    expect((await runCliCaptured(["update", "--set", "port=9100", "--dry-run"], dir)).code).toBe(0);
    expect((await runCliCaptured(["update", "--set", "port=9100", "--allow-dirty"], dir)).code).toBe(0);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toContain("EXPOSE 9100");
  });
});

describe("--check, --dry-run and --json", () => {
  it("init --check exits 1 listing the files the answers no longer produce, writing nothing", async () => {
    const dir = await scaffold();
    edit(dir, ".docker-scaffold.yml", "answers: {}", "answers:\n  port: 9000");
    const before = readTree(dir);
    const run = await runCliCaptured(["init", "--check"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "These files are not what .docker-scaffold.yml produces now:\n  - Dockerfile\n  - docker-compose.yml\n  - env.example\n  - Makefile\n  - README.Docker.md\n  - .docker-scaffold.yml\n",
    );
    expect(readTree(dir)).toEqual(before);
    const json = await runCliCaptured(["update", "--check", "--json"], dir);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as { check: boolean; drift: string[]; files: { path: string; status: string; strategy: string | null }[] };
    expect(out.check).toBe(true);
    expect(out.drift).toEqual(["Dockerfile", "docker-compose.yml", "env.example", "Makefile", "README.Docker.md", ".docker-scaffold.yml"]);
    expect(out.files.find((f) => f.path === "docker-compose.yml")).toMatchObject({ status: "update", strategy: "compose" });
    expect(readTree(dir)).toEqual(before);
  });

  it("init --check in a directory never scaffolded exits 1 (every file would be created)", async () => {
    const run = await runCliCaptured(["init", "--check", "--preset", "python-flask"], tempDir());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("  - Dockerfile\n");
  });

  it("update --dry-run --diff shows the changes and writes nothing", async () => {
    const dir = await scaffold();
    const before = readTree(dir);
    const run = await runCliCaptured(["update", "--set", "port=9000", "--dry-run", "--diff"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Dry run \(nothing written\) in /);
    expect(run.stdout).toContain("-EXPOSE 8000\n+EXPOSE 9000\n");
    expect(readTree(dir)).toEqual(before);
  });

  it("update --json prints each file with its status, strategy and whether you edited it", async () => {
    const dir = await scaffold();
    edit(dir, "Dockerfile", "# syntax=docker/dockerfile:1\n", "# syntax=docker/dockerfile:1\n# mine\n");
    const run = await runCliCaptured(["update", "--set", "port=9000", "--json"], dir);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { written: boolean; files: Record<string, unknown>[]; answers: { port: number } };
    expect(out.written).toBe(true);
    expect(out.answers.port).toBe(9000);
    expect(out.files[0]).toEqual({ path: "Dockerfile", status: "merged", strategy: "lines", edited: true });
    expect(out.files[1]).toEqual({ path: ".dockerignore", status: "identical", strategy: "lines", edited: false });
    expect(out.files.at(-1)).toMatchObject({ path: ".docker-scaffold.yml", status: "update", strategy: null });
  });

  it("update --json on a conflict still prints the result, then exits 3", async () => {
    const dir = await scaffold();
    edit(dir, "env.example", "HOST_PORT=8000", "HOST_PORT=8080");
    const run = await runCliCaptured(["update", "--set", "port=9000", "--json"], dir);
    expect(run.code).toBe(3);
    const out = JSON.parse(run.stdout) as { written: boolean; files: { path: string; status: string; conflicts?: number }[] };
    expect(out.written).toBe(false);
    expect(out.files.find((f) => f.path === "env.example")).toMatchObject({ status: "conflict", conflicts: 1 });
  });
});

describe("the command", () => {
  it("update --help lists its options; the top-level help lists update", async () => {
    const help = await runCliCaptured(["update", "--help"], tempDir());
    expect(help.code).toBe(0);
    for (const flag of ["--set", "--preset", "--conflict <mode>", "--prune", "--allow-dirty", "--check", "--dry-run", "--diff", "--json"]) expect(help.stdout).toContain(flag);
    expect((await runCliCaptured(["--help"], tempDir())).stdout).toMatch(/^\s+update \[options\] \[dir\]/m);
    expect((await runCliCaptured(["init", "--help"], tempDir())).stdout).toContain("--check");
  });

  it("the built executable: update exits 0, init --check exits 1 once the answers change, update brings it back to 0", () => {
    const dir = tempDir();
    expect(runBuilt(["init", "--preset", "python-flask", "--yes"], dir).code).toBe(0);
    expect(runBuilt(["update"], dir).code).toBe(0);
    edit(dir, ".docker-scaffold.yml", "answers: {}", "answers:\n  port: 9000");
    const check = runBuilt(["init", "--check"], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("  - Dockerfile\n");
    expect(runBuilt(["update"], dir).code).toBe(0);
    expect(runBuilt(["init", "--check"], dir).code).toBe(0);
  });
});

describe("usage errors: exit 2", () => {
  it("a directory without .docker-scaffold.yml", async () => {
    const dir = tempDir();
    const run = await runCliCaptured(["update"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("has no .docker-scaffold.yml: there is nothing to update.\nfix: run `docker-scaffold init` there first");
  });

  it("a hand-edited .docker-scaffold.yml with invalid values names each key and its problem", async () => {
    const dir = await scaffold();
    const before = readTree(dir);
    edit(dir, ".docker-scaffold.yml", "strategy: compose", "strategy: structural");
    edit(dir, ".docker-scaffold.yml", "apiVersion: docker-scaffold/v1", "apiVersion: v2");
    const run = await runCliCaptured(["update"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(".docker-scaffold.yml is not valid:");
    expect(run.stderr).toContain('  - apiVersion: "v2" is not docker-scaffold/v1');
    expect(run.stderr).toContain('  - files.docker-compose.yml.strategy: "structural" is not one of lines, compose, managed-block');
    expect(run.stderr).not.toContain("this is a bug");
    expect(readTree(dir)).toEqual({ ...before, ".docker-scaffold.yml": readFileSync(join(dir, ".docker-scaffold.yml"), "utf8") });
  });

  it("an invalid answer recorded there: the key, the problem, and where it is", async () => {
    const dir = await scaffold();
    edit(dir, ".docker-scaffold.yml", "answers: {}", "answers:\n  name: Python Django");
    const run = await runCliCaptured(["update"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/  - name: .*\(answers\.name in \.docker-scaffold\.yml\)\n    fix: correct answers\.name in \.docker-scaffold\.yml/);
  });
});

describe("all or nothing", () => {
  afterEach(() => vi.restoreAllMocks());

  it("a failure in the middle of writing leaves every file as it was (bases and record included)", async () => {
    const dir = await scaffold();
    editEverything(dir);
    const before = readTree(dir);
    const rename = fse.rename.bind(fse);
    let calls = 0;
    vi.spyOn(fse, "rename").mockImplementation(async (from: string, to: string) => {
      if (++calls === 5) throw new Error("ENOSPC: simulated");
      return rename(from, to);
    });
    await expect(runUpdate({ dir, set: ["port=9000"] })).rejects.toThrow("ENOSPC: simulated");
    // The fifth rename failed; the renames after it put the first four files back.
    expect(calls).toBeGreaterThan(5);
    expect(readTree(dir)).toEqual(before);
  });

  it("Ctrl+C in the middle of writing leaves every file as it was (exit 130)", async () => {
    const dir = await scaffold();
    const before = readTree(dir);
    const rename = fse.rename.bind(fse);
    let calls = 0;
    vi.spyOn(fse, "rename").mockImplementation(async (from: string, to: string) => {
      if (++calls === 3) process.emit("SIGINT");
      return rename(from, to);
    });
    const err = await runUpdate({ dir, set: ["port=9000"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect(readTree(dir)).toEqual(before);
  });
});
