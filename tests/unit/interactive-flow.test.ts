// The interactive flow through runInit with a scripted Prompter: the order of the
// questions, what is not asked, the summary and confirmation, and that declining or
// cancelling writes nothing.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { CancelledError, ConflictError, EXIT } from "../../src/errors.js";
import { runInit } from "../../src/init/run-init.js";
import { OUTPUT_FILES } from "../../src/model/plan.js";
import { withBases } from "../helpers/bases.js";
import { DEFAULT, ScriptedPrompter } from "../helpers/scripted-prompter.js";
import { readTree, tempDir } from "../helpers/tmp.js";

const FULL_ORDER = [
  "language",
  "framework",
  "packageManager",
  "runtimeVersion",
  "port",
  "startCommand",
  "healthPath",
  "base",
  "uid",
  "security.readOnly",
  "security.dropCapabilities",
  "security.noNewPrivileges",
  "dev",
  "buildSecrets",
  "ci",
  "updateBot",
];

describe("the full interactive flow", () => {
  it("asks every question in order, then shows the summary, then confirms, then writes", async () => {
    const dir = tempDir();
    const prompter = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT,
      language: "node",
      framework: "fastify",
      packageManager: "pnpm",
      runtimeVersion: "20",
      port: "4000",
      startCommand: DEFAULT,
      healthPath: "/ready",
      base: "distroless",
      uid: DEFAULT,
      "security.readOnly": true,
      "security.dropCapabilities": true,
      "security.noNewPrivileges": false,
      ci: DEFAULT,
      updateBot: DEFAULT,
      confirm: true,
    });
    const result = await runInit({ dir, prompter });
    // In an empty folder a starter app would be offered last; Fastify's needs Node.js 22, and a note says so.
    expect(prompter.events).toEqual([...FULL_ORDER, "(note)", "(note)", "confirm"]);
    expect(prompter.notes[0]).toContain("the Fastify (TypeScript) starter needs 22 or later, not 20");
    expect(prompter.unused()).toEqual([]);

    // Defaults offered follow earlier answers: node's frameworks and package managers, distroless's uid.
    const q = prompter.questions;
    expect((q.get("language") as { choices: { value: string }[] }).choices.map((c) => c.value)).toEqual(["python", "node", "go", "rust", "java"]);
    expect((q.get("framework") as { choices: { value: string }[] }).choices.map((c) => c.value)).toEqual(["express", "fastify", "nestjs", "nextjs", "none"]);
    expect((q.get("packageManager") as { choices: { value: string }[] }).choices.map((c) => c.value)).toEqual(["npm", "pnpm", "yarn"]);
    expect(q.get("runtimeVersion")!.default).toBe("22");
    expect(q.get("port")!.default).toBe("3000");
    expect(q.get("startCommand")!.default).toBe("node src/server.js");
    expect(q.get("uid")!.default).toBe("65532");

    expect(result.written).toBe(true);
    expect(result.answers).toMatchObject({
      language: "node",
      framework: "fastify",
      packageManager: "pnpm",
      runtimeVersion: "20",
      port: 4000,
      healthPath: "/ready",
      base: "distroless",
      uid: 65532,
      gid: 65532,
      security: { readOnly: true, dropCapabilities: true, noNewPrivileges: false },
    });
    expect(result.sources.port).toBe("answered");
    // The summary lists the answers with their sources and the files with their statuses.
    const note = prompter.notes.join("");
    expect(note).toMatch(/port\s+4000\s+\[answered\]/);
    expect(note).toMatch(/CREATE\s+Dockerfile/);
    expect(Object.keys(readTree(dir)).sort()).toEqual(withBases(OUTPUT_FILES));
    const dockerfile = readFileSync(join(dir, "Dockerfile"), "utf8");
    expect(dockerfile).toContain("EXPOSE 4000");
    expect(dockerfile).toContain("USER 65532:65532");
    // The answers given are recorded, so `--yes` reproduces them.
    const recorded = parseYaml(readFileSync(join(dir, ".docker-scaffold.yml"), "utf8")) as { answers: Record<string, unknown> };
    expect(recorded.answers).toMatchObject({ language: "node", framework: "fastify", port: 4000, security: { noNewPrivileges: false } });
    const again = await runInit({ dir, dryRun: true });
    expect(again.files.every((f) => f.status === "identical")).toBe(true);
  });

  it("does not ask for the final image on Python (slim only)", async () => {
    const dir = tempDir();
    const prompter = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT,
      language: "python",
      framework: "flask",
      packageManager: DEFAULT,
      runtimeVersion: DEFAULT,
      port: "9000",
      startCommand: DEFAULT,
      healthPath: DEFAULT,
      uid: DEFAULT,
      "security.readOnly": DEFAULT,
      "security.dropCapabilities": DEFAULT,
      "security.noNewPrivileges": DEFAULT,
      ci: DEFAULT,
      updateBot: DEFAULT,
      starter: false,
      confirm: true,
    });
    const result = await runInit({ dir, prompter });
    expect(prompter.asked).not.toContain("base");
    expect(result.answers.base).toBe("slim");
    // The start command offered, and the one used, bind the port just given.
    expect(prompter.questions.get("startCommand")!.default).toContain("--bind 0.0.0.0:9000");
    expect(result.answers.startCommand).toContain("0.0.0.0:9000");
    // Accepting the conventional command keeps it derived: it is not recorded, so it follows a later port change.
    const recorded = parseYaml(readFileSync(join(dir, ".docker-scaffold.yml"), "utf8")) as { answers: Record<string, unknown> };
    expect(recorded.answers.startCommand).toBeUndefined();
    const moved = await runInit({ dir, dryRun: true, flags: { port: "9100" } });
    expect(moved.answers.startCommand).toContain("0.0.0.0:9100");
  });

  it("Go: Enter everywhere gives the Go defaults; an empty health path is a TCP probe", async () => {
    const dir = tempDir();
    const prompter = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT,
      language: "go",
      framework: DEFAULT,
      packageManager: DEFAULT,
      runtimeVersion: DEFAULT,
      port: DEFAULT,
      startCommand: DEFAULT,
      healthPath: "",
      base: DEFAULT,
      uid: DEFAULT,
      "security.readOnly": DEFAULT,
      "security.dropCapabilities": DEFAULT,
      "security.noNewPrivileges": DEFAULT,
      ci: DEFAULT,
      updateBot: DEFAULT,
      confirm: DEFAULT,
    });
    const result = await runInit({ dir, prompter });
    // A TCP probe leaves the Go starter out, and a note says why.
    expect(prompter.events).toEqual([...FULL_ORDER, "(note)", "(note)", "confirm"]);
    expect(prompter.notes[0]).toMatch(/^No starter app offered: a starter serves a health route/);
    expect(result.answers.healthPath).toBeNull();
    expect(result.answers).toMatchObject({ language: "go", framework: "none", base: "distroless", uid: 65532, port: 8080, startCommand: ["/app/server"] });
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toContain('"127.0.0.1:8080"');
  });
});

describe("what is known is not asked", () => {
  it("a preset leaves only the start command and the confirmation", async () => {
    const dir = tempDir();
    const prompter = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT, starter: false, confirm: true });
    const result = await runInit({ dir, prompter, preset: "python-flask" });
    expect(prompter.events).toEqual(["startCommand", "dev", "buildSecrets", "starter", "(note)", "confirm"]);
    expect(result.answers.framework).toBe("flask");
  });

  it("flags and --set are not asked; the rest is", async () => {
    const dir = tempDir();
    const prompter = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT,
      framework: "gin",
      packageManager: DEFAULT,
      runtimeVersion: DEFAULT,
      startCommand: DEFAULT,
      healthPath: DEFAULT,
      base: "slim",
      "security.dropCapabilities": true,
      "security.noNewPrivileges": true,
      ci: DEFAULT,
      updateBot: DEFAULT,
      confirm: true,
    });
    const result = await runInit({ dir, prompter, flags: { language: "go", port: "9090", uid: "4242", gid: "4242" }, set: ["security.readOnly=false"] });
    expect(prompter.asked).toEqual(["framework", "packageManager", "runtimeVersion", "startCommand", "healthPath", "base", "security.dropCapabilities", "security.noNewPrivileges", "dev", "buildSecrets", "ci", "updateBot", "confirm"]);
    expect(result.answers).toMatchObject({ language: "go", framework: "gin", port: 9090, uid: 4242, base: "slim", security: { readOnly: false } });
  });

  it("asks for CI and an update bot on a first run; choosing them writes and records them", async () => {
    const dir = tempDir();
    const prompter = new ScriptedPrompter({
      framework: "gin",
      packageManager: DEFAULT,
      runtimeVersion: DEFAULT,
      port: DEFAULT,
      startCommand: DEFAULT,
      healthPath: DEFAULT,
      base: DEFAULT,
      uid: DEFAULT,
      "security.readOnly": DEFAULT,
      "security.dropCapabilities": DEFAULT,
      "security.noNewPrivileges": DEFAULT,
      dev: DEFAULT,
      buildSecrets: DEFAULT,
      ci: "github",
      updateBot: "renovate",
      confirm: true,
    });
    const result = await runInit({ dir, prompter, flags: { language: "go" } });
    expect(prompter.unused()).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(expect.arrayContaining([".github/workflows/docker.yml", "renovate.json"]));
    const recorded = parseYaml(readFileSync(join(dir, ".docker-scaffold.yml"), "utf8")) as { answers: Record<string, unknown> };
    expect(recorded.answers).toMatchObject({ ci: "github", updateBot: "renovate" });
  });

  it("a re-run of a recorded repository asks only the (derived) start command, and no confirmation when all is identical", async () => {
    const dir = tempDir();
    await runInit({ dir, preset: "go-http" });
    const prompter = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT });
    const result = await runInit({ dir, prompter });
    // Nothing to write: no confirmation, only the summary.
    expect(prompter.events).toEqual(["startCommand", "(note)"]);
    expect(result.files.every((f) => f.status === "identical")).toBe(true);
  });

  it("the scripted prompter refuses a question it was not told about", async () => {
    const dir = tempDir();
    await expect(runInit({ dir, prompter: new ScriptedPrompter({ confirm: true }), preset: "python-flask" })).rejects.toThrow(/unexpected input question "startCommand"/);
    expect(readTree(dir)).toEqual({});
  });
});

describe("declining and cancelling write nothing", () => {
  it("declining the final confirmation is a CancelledError (exit 130)", async () => {
    const dir = tempDir();
    const prompter = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT, starter: true, confirm: false });
    const err = await runInit({ dir, prompter, preset: "python-flask" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).exitCode).toBe(EXIT.cancelled);
    expect(prompter.events).toEqual(["startCommand", "dev", "buildSecrets", "starter", "(note)", "confirm"]);
    expect(readTree(dir)).toEqual({});
  });

  it("Ctrl+C inside a prompt (a CancelledError from the prompter) propagates and writes nothing", async () => {
    const dir = tempDir();
    const prompter = new ScriptedPrompter({ language: "node", framework: DEFAULT, packageManager: DEFAULT, runtimeVersion: DEFAULT, port: new CancelledError() });
    const err = await runInit({ dir, prompter }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).exitCode).toBe(130);
    expect(prompter.asked.at(-1)).toBe("port");
    expect(readTree(dir)).toEqual({});
  });

  it("a conflicting file asks overwrite:<path>; declining is exit 3 and nothing is written", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM mine\n");
    const prompter = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT, starter: false, "overwrite:Dockerfile": false });
    const err = await runInit({ dir, prompter, preset: "python-flask" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).exitCode).toBe(EXIT.conflict);
    expect((err as ConflictError).files).toEqual(["Dockerfile"]);
    // The refusal shows what would have changed.
    expect((err as Error).message).toContain("-FROM mine");
    expect(prompter.events).toEqual(["startCommand", "dev", "buildSecrets", "starter", "(note)", "overwrite:Dockerfile"]);
    expect(readTree(dir)).toEqual({ Dockerfile: "FROM mine\n" });
    expect(prompter.questions.get("overwrite:Dockerfile")!.default).toBe(false);
  });

  it("accepting the overwrite asks the final confirmation and then writes everything", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM mine\n");
    const prompter = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT, starter: false, "overwrite:Dockerfile": true, confirm: true });
    const result = await runInit({ dir, prompter, preset: "python-flask" });
    expect(prompter.events).toEqual(["startCommand", "dev", "buildSecrets", "starter", "(note)", "overwrite:Dockerfile", "confirm"]);
    expect(result.files.find((f) => f.path === "Dockerfile")!.status).toBe("update");
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).not.toBe("FROM mine\n");
    expect(Object.keys(readTree(dir)).sort()).toEqual(withBases(OUTPUT_FILES));
  });

  it("declining the confirmation after accepting an overwrite still writes nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM mine\n");
    const prompter = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT, starter: true, "overwrite:Dockerfile": true, confirm: false });
    await expect(runInit({ dir, prompter, preset: "python-flask" })).rejects.toBeInstanceOf(CancelledError);
    expect(readTree(dir)).toEqual({ Dockerfile: "FROM mine\n" });
  });

  it("a dry run with a prompter asks the open questions but never confirms or writes", async () => {
    const dir = tempDir();
    const prompter = new ScriptedPrompter({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT, starter: true });
    const result = await runInit({ dir, prompter, preset: "python-flask", dryRun: true });
    expect(prompter.events).toEqual(["startCommand", "dev", "buildSecrets", "starter"]);
    expect(result.files.find((f) => f.path === "app.py")?.status).toBe("create");
    expect(result.written).toBe(false);
    expect(readTree(dir)).toEqual({});
  });
});

describe("invalid answers given as flags on the interactive path", () => {
  it("an unknown language from a flag is exit 2, not a crash in the prompts", async () => {
    const dir = tempDir();
    const err = await runInit({ dir, prompter: new ScriptedPrompter({}), flags: { language: "cobol" } }).catch((e: unknown) => e);
    expect((err as { exitCode?: number }).exitCode).toBe(EXIT.usage);
    expect((err as Error).message).toContain("language");
    expect(readTree(dir)).toEqual({});
  });

  it("a language it does not know is exit 2 with the supported ones", async () => {
    const dir = tempDir();
    const err = await runInit({ dir, prompter: new ScriptedPrompter({}), flags: { language: "cobol" } }).catch((e: unknown) => e);
    expect((err as { exitCode?: number }).exitCode).toBe(EXIT.usage);
    expect((err as Error).message).toContain("python, node, go, rust, java");
    expect(readTree(dir)).toEqual({});
  });
});

describe("backing services in the prompts (issue 6)", () => {
  it("offers the services detection found (a driver), pre-filled; the answer is recorded and rendered", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "requirements.txt"), "flask>=2\ngunicorn\npsycopg2-binary\nredis\n");
    writeFileSync(join(dir, "app.py"), 'from flask import Flask\napp = Flask(__name__)\n\n@app.get("/health")\ndef health():\n    return {"status": "ok"}\n');
    // Every other question is answered with its default (Enter), the confirmation with yes.
    const asked: string[] = [];
    const answer = async (q: { name: string; default?: unknown }) => {
      asked.push(q.name);
      if (q.name === "services") {
        expect(q.default).toBe("postgres,redis");
        return "postgres";
      }
      return q.name === "confirm" ? true : q.default;
    };
    const all = { select: answer, input: answer, confirm: answer, note: () => {} };
    const result = await runInit({ dir, prompter: all as never });
    expect(asked).toContain("services");
    expect(result.answers.services).toEqual(["postgres"]);
    const recorded = parseYaml(readFileSync(join(dir, ".docker-scaffold.yml"), "utf8")) as { answers: Record<string, unknown> };
    expect(recorded.answers.services).toEqual(["postgres"]);
    expect(readFileSync(join(dir, "docker-compose.yml"), "utf8")).toContain("image: postgres:17.2-bookworm");
    // A re-run with --yes (no prompter) reproduces it from the record.
    const again = await runInit({ dir, dryRun: true });
    expect(again.files.filter((f) => f.status !== "identical")).toEqual([]);
  });

  it("an unknown service typed in the prompt is refused by its validation, naming the known ones", async () => {
    const { askAnswers } = await import("../../src/prompts/ask-answers.js");
    let message = "";
    const prompter = {
      select: async (q: { default?: string }) => q.default,
      confirm: async (q: { default?: boolean }) => q.default,
      note: () => {},
      input: async (q: { name: string; default?: string; validate?: (v: string) => true | string }) => {
        if (q.name === "services") {
          message = String(q.validate!("postgres,mongodb"));
          return "postgres";
        }
        return q.default ?? "";
      },
    };
    const out = await askAnswers(prompter as never, { language: "python", framework: "flask" }, { services: ["postgres"] });
    expect(message).toBe("unknown: mongodb; known: postgres, redis, prometheus, grafana");
    expect(out.services).toEqual(["postgres"]);
  });
});
