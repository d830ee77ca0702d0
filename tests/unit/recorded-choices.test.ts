// What an interactive run records as the user's own choices: only answers they changed
// from the pre-filled value (detected or default), plus language/framework when nothing
// detected them. Accepted values keep following detection and defaults on a re-run.
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runInit } from "../../src/init/run-init.js";
import { DEFAULT, ScriptedPrompter } from "../helpers/scripted-prompter.js";
import { tempDir } from "../helpers/tmp.js";

const ALL_DEFAULTS = { dev: DEFAULT, buildSecrets: DEFAULT,
  language: DEFAULT, framework: DEFAULT, packageManager: DEFAULT, runtimeVersion: DEFAULT, port: DEFAULT,
  startCommand: DEFAULT, healthPath: DEFAULT, uid: DEFAULT,
  "security.readOnly": DEFAULT, "security.dropCapabilities": DEFAULT, "security.noNewPrivileges": DEFAULT, ci: DEFAULT, updateBot: DEFAULT, confirm: true,
} as const;

function recorded(dir: string): Record<string, unknown> {
  return (parse(readFileSync(join(dir, ".docker-scaffold.yml"), "utf8")) as { answers: Record<string, unknown> }).answers;
}

describe("answers recorded by an interactive run", () => {
  it("records nothing when every detected or default value is accepted, and a re-run reproduces it", async () => {
    const dir = join(tempDir(), "api");
    cpSync(join(process.cwd(), "tests", "e2e", "apps", "python-fastapi"), dir, { recursive: true });
    await runInit({ dir, prompter: new ScriptedPrompter({ ...ALL_DEFAULTS }) });
    expect(recorded(dir)).toEqual({});
    const again = await runInit({ dir, dryRun: true });
    expect(again.files.filter((f) => f.status !== "identical")).toEqual([]);
  });

  it("records what the user changed, and language/framework when nothing detected them", async () => {
    const dir = tempDir();
    await runInit({ dir, prompter: new ScriptedPrompter({ ...ALL_DEFAULTS, language: "go", base: DEFAULT, port: "9090", "security.readOnly": false, starter: false }) });
    expect(recorded(dir)).toEqual({ language: "go", framework: "none", port: 9090, security: { readOnly: false } });
    const again = await runInit({ dir, dryRun: true });
    expect(again.answers.port).toBe(9090);
    expect(again.files.filter((f) => f.status !== "identical")).toEqual([]);
  });
});
