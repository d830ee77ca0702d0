// Answer resolution: which source wins (flags > --set > --answers > CLI preset > recorded
// answers > recorded preset > defaults; `security` merges key by key), and the defaults
// that depend on other answers (the port, the base image).
import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInit } from "../../src/init/run-init.js";
import { DEFAULT_SECURITY } from "../../src/model/defaults.js";
import { completeAnswers, mergeLayers, resolveAnswers, sanitizeName, type AnswerLayer } from "../../src/model/resolve.js";
import { tempDir } from "../helpers/tmp.js";

function write(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
}

describe("mergeLayers", () => {
  it("the first layer that has a key wins, and says where it came from", () => {
    const layers: AnswerLayer[] = [
      { source: "flag", explicit: true, answers: { port: 9000 } },
      { source: "preset:p", explicit: false, answers: { port: 8000, language: "python", framework: "flask" } },
      { source: "recorded", explicit: true, answers: { language: "node", name: "rec" } },
    ];
    const { merged, sources, explicit } = mergeLayers(layers);
    expect(merged).toEqual({ port: 9000, language: "python", framework: "flask", name: "rec" });
    expect(sources).toEqual({ port: "flag", language: "preset:p", framework: "preset:p", name: "recorded" });
    // Only explicit layers are recorded in .docker-scaffold.yml; a preset's values are not.
    expect(explicit).toEqual({ port: 9000, name: "rec" });
  });

  it("skips undefined values so a lower layer can supply them", () => {
    const { merged } = mergeLayers([
      { source: "flag", explicit: true, answers: { port: undefined } },
      { source: "preset:p", explicit: false, answers: { port: 8000 } },
    ]);
    expect(merged.port).toBe(8000);
  });

  it("null is a value (healthPath: null means a TCP probe) and wins over lower layers", () => {
    const { merged } = mergeLayers([
      { source: "--set", explicit: true, answers: { healthPath: null } },
      { source: "preset:p", explicit: false, answers: { healthPath: "/health" } },
    ]);
    expect(merged.healthPath).toBeNull();
  });

  it("merges security key by key across layers", () => {
    const { merged, explicit } = mergeLayers([
      { source: "--set", explicit: true, answers: { security: { readOnly: false } } },
      { source: "--answers", explicit: true, answers: { security: { memory: "1g", readOnly: true } } },
      { source: "preset:p", explicit: false, answers: { security: { memory: "256m", pids: 64, readOnly: true } } },
    ]);
    expect(merged.security).toEqual({ readOnly: false, memory: "1g", pids: 64 });
    expect(explicit.security).toEqual({ readOnly: false, memory: "1g" });
  });
});

describe("precedence through runInit", () => {
  it("flags > --set > --answers > CLI preset > recorded answers, security key by key", async () => {
    const dir = tempDir();
    write(dir, {
      "answers.yaml": "port: 9002\nruntimeVersion: \"3.10\"\nhealthPath: /from-answers\nsecurity:\n  memory: 1g\n  readOnly: true\n",
      ".docker-scaffold.yml":
        "apiVersion: docker-scaffold/v1\nkind: Answers\npreset:\n  name: node-express\n  version: 1.0.0\n" +
        "answers:\n  port: 9003\n  runtimeVersion: \"3.9\"\n  healthPath: /from-recorded\n  uid: 20000\n  name: recorded-name\n  security:\n    pids: 64\n    cpus: 2\n",
    });
    const result = await runInit({
      dir,
      dryRun: true,
      preset: "python-flask",
      flags: { port: "9000" },
      set: ["port=9001", "runtimeVersion=3.11", "healthPath=/from-set", "security.readOnly=false"],
      answersFile: join(dir, "answers.yaml"),
    });
    const a = result.answers;
    expect(a.port).toBe(9000);
    expect(result.sources.port).toBe("flag");
    expect(a.runtimeVersion).toBe("3.11");
    expect(result.sources.runtimeVersion).toBe("--set");
    expect(a.healthPath).toBe("/from-set");
    // --answers beats the CLI preset and the recorded answers.
    expect(a.security.memory).toBe("1g");
    // The CLI preset beats the recorded answers (uid 20000, pids 64, cpus 2) and the recorded preset.
    expect(a.language).toBe("python");
    expect(a.framework).toBe("flask");
    expect(result.sources.framework).toBe("preset:python-flask");
    expect(a.uid).toBe(10001);
    expect(a.security.pids).toBe(256);
    expect(a.security.cpus).toBe(1);
    // A key no preset has comes from the recorded answers.
    expect(a.name).toBe("recorded-name");
    expect(result.sources.name).toBe("recorded");
    // security merges key by key: --set's readOnly, --answers' memory, the preset's rest.
    expect(a.security).toEqual({ ...DEFAULT_SECURITY, readOnly: false, memory: "1g" });
    expect(result.plan.preset).toEqual({ name: "python-flask", version: "1.0.0" });
  });

  it("--answers beats the CLI preset", async () => {
    const dir = tempDir();
    write(dir, { "a.yaml": "answers:\n  port: 9002\n  healthPath: null\n" });
    const result = await runInit({ dir, dryRun: true, preset: "python-flask", answersFile: "a.yaml", cwd: dir });
    expect(result.answers.port).toBe(9002);
    expect(result.answers.healthPath).toBeNull();
    expect(result.sources.port).toBe("--answers");
  });

  it("recorded answers beat the recorded preset, which beats the defaults", async () => {
    const dir = tempDir();
    write(dir, {
      ".docker-scaffold.yml":
        "apiVersion: docker-scaffold/v1\nkind: Answers\npreset:\n  name: python-flask\n  version: 1.0.0\n" +
        "answers:\n  port: 9003\n  security:\n    pids: 64\n",
    });
    const result = await runInit({ dir, dryRun: true });
    expect(result.answers.port).toBe(9003);
    expect(result.sources.port).toBe("recorded");
    expect(result.answers.framework).toBe("flask");
    expect(result.sources.framework).toBe("preset:python-flask");
    expect(result.answers.security.pids).toBe(64);
    expect(result.answers.security.memory).toBe("512m");
    // Nothing set a name: the default is the directory's name.
    expect(result.answers.name).toBe(sanitizeName(basename(dir)));
    expect(result.sources.name).toBe("default");
  });

  it("flags beat the recorded answers on a re-run", async () => {
    const dir = tempDir();
    await runInit({ dir, preset: "python-flask", flags: { port: "9000" } });
    const again = await runInit({ dir, dryRun: true, flags: { port: "9100" } });
    expect(again.answers.port).toBe(9100);
    expect(again.sources.port).toBe("flag");
    const recorded = await runInit({ dir, dryRun: true });
    expect(recorded.answers.port).toBe(9000);
    expect(recorded.sources.port).toBe("recorded");
  });
});

describe("defaults", () => {
  const resolve = (answers: Record<string, unknown>, dirName = "My App!") =>
    resolveAnswers([{ source: "flag", explicit: true, answers }], { dirName });

  it("fill every answer for a language and framework", () => {
    const { answers, sources } = resolve({ language: "node", framework: "express" });
    expect(answers).toEqual({
      language: "node",
      framework: "express",
      packageManager: "npm",
      runtimeVersion: "22",
      port: 3000,
      startCommand: ["node", "src/server.js"],
      buildCommand: null,
      healthPath: "/health",
      name: "my-app",
      uid: 10001,
      gid: 10001,
      base: "slim",
      security: DEFAULT_SECURITY,
      services: [],
      dev: false,
      buildSecrets: false,
      ci: "none",
      image: "ghcr.io/${{ github.repository }}",
      pinDigests: false,
      updateBot: "none",
    });
    expect(sources.port).toBe("default");
    expect(sources.language).toBe("flag");
  });

  it("gunicorn --bind follows the port", () => {
    const { answers } = resolve({ language: "python", framework: "flask", port: 9000 });
    const bind = answers.startCommand.indexOf("--bind");
    expect(bind).toBeGreaterThan(0);
    expect(answers.startCommand[bind + 1]).toBe("0.0.0.0:9000");
    expect(answers.startCommand.at(-1)).toBe("app:app");
  });

  it("a port given as text (a flag) is a number, and the start command follows it", () => {
    const { answers } = resolve({ language: "python", framework: "django", port: "8123" });
    expect(answers.port).toBe(8123);
    expect(answers.startCommand).toContain("0.0.0.0:8123");
    expect(answers.startCommand.at(-1)).toBe("config.wsgi:application");
  });

  it("uvicorn --port follows the port", () => {
    const { answers } = resolve({ language: "python", framework: "fastapi", port: 8500 });
    expect(answers.startCommand.slice(-3)).toEqual(["--port", "8500", "--proxy-headers"]);
  });

  it("a start command that was given is not rewritten for the port", () => {
    const { answers } = resolve({ language: "python", framework: "flask", port: 9000, startCommand: "gunicorn --bind 0.0.0.0:8000 app:app" });
    expect(answers.startCommand).toEqual(["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]);
  });

  it("distroless runs as 65532, slim as 10001; gid follows uid", () => {
    expect(resolve({ language: "node", framework: "express", base: "distroless" }).answers).toMatchObject({ uid: 65532, gid: 65532 });
    expect(resolve({ language: "go", framework: "none" }).answers).toMatchObject({ base: "distroless", uid: 65532, gid: 65532, port: 8080, healthPath: "/healthz" });
    expect(resolve({ language: "go", framework: "none", base: "slim" }).answers).toMatchObject({ uid: 10001, gid: 10001 });
    expect(resolve({ language: "node", framework: "express", uid: 4242 }).answers).toMatchObject({ uid: 4242, gid: 4242 });
  });

  it("compiled stacks get a build command that uses their package manager", () => {
    expect(resolve({ language: "node", framework: "nestjs", packageManager: "pnpm" }).answers.buildCommand).toEqual(["pnpm", "run", "build"]);
    expect(resolve({ language: "node", framework: "nextjs", packageManager: "yarn" }).answers.buildCommand).toEqual(["yarn", "build"]);
    expect(resolve({ language: "go", framework: "gin" }).answers.buildCommand?.[0]).toBe("go");
  });

  it("a numeric runtimeVersion from YAML becomes text", () => {
    expect(resolve({ language: "node", framework: "express", runtimeVersion: 20 }).answers.runtimeVersion).toBe("20");
  });

  it("completeAnswers keeps given security keys and defaults the others", () => {
    const { answers } = completeAnswers({ language: "node", framework: "express", security: { cpus: "2", readOnly: false } }, {}, { dirName: "x" });
    expect(answers.security).toEqual({ ...DEFAULT_SECURITY, cpus: 2, readOnly: false });
  });

  it.each([
    ["My App!", "my-app"],
    ["--weird__Name..", "weird__name"],
    ["!!!", "app"],
    ["a".repeat(80), "a".repeat(63)],
  ])("the default name of directory %j is %j", (dirName, name) => {
    expect(sanitizeName(dirName)).toBe(name);
  });
});
