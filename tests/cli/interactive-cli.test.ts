// The CLI's interactive path with the terminal prompts replaced by a scripted Prompter:
// runCli decides to prompt only when io.interactive and neither --yes nor --json, and maps
// a cancelled prompt to exit 130 and a declined overwrite to exit 3, writing nothing.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { CancelledError } from "../../src/errors.js";
import { runCliCaptured } from "../helpers/cli.js";
import { DEFAULT, ScriptedPrompter, type Scripted } from "../helpers/scripted-prompter.js";
import { readTree, tempDir } from "../helpers/tmp.js";

const state = vi.hoisted(() => ({ script: {} as Record<string, unknown>, prompter: null as unknown, created: 0 }));

vi.mock("../../src/prompts/prompter.js", async () => {
  const { ScriptedPrompter } = await import("../helpers/scripted-prompter.js");
  return {
    createInquirerPrompter: () => {
      state.created++;
      state.prompter = new ScriptedPrompter(state.script as Record<string, Scripted>);
      return state.prompter;
    },
  };
});

function script(answers: Record<string, Scripted>): void {
  state.script = answers;
}
const prompter = () => state.prompter as ScriptedPrompter;

beforeEach(() => {
  state.script = {};
  state.prompter = null;
  state.created = 0;
});

describe("interactive CLI", () => {
  it("Ctrl+C at a prompt exits 130 and writes nothing", async () => {
    const dir = tempDir();
    script({ language: new CancelledError() });
    const run = await runCliCaptured(["init", dir], dir, true);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain("Cancelled; nothing was written.");
    expect(prompter().asked).toEqual(["language"]);
    expect(readTree(dir)).toEqual({});
  });

  it("declining the confirmation exits 130 and writes nothing", async () => {
    const dir = tempDir();
    script({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT, starter: true, confirm: false });
    const run = await runCliCaptured(["init", "--preset", "python-flask", dir], dir, true);
    expect(run.code).toBe(130);
    expect(readTree(dir)).toEqual({});
  });

  it("declining to overwrite a differing file exits 3 and writes nothing", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "Dockerfile"), "FROM mine\n");
    script({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT, starter: false, "overwrite:Dockerfile": false });
    const run = await runCliCaptured(["init", "--preset", "python-flask", dir], dir, true);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("  - Dockerfile");
    expect(readTree(dir)).toEqual({ Dockerfile: "FROM mine\n" });
  });

  it("answering and confirming exits 0 and writes the files", async () => {
    const dir = tempDir();
    script({ dev: DEFAULT, buildSecrets: DEFAULT, startCommand: DEFAULT, starter: false, confirm: true });
    const run = await runCliCaptured(["init", "--preset", "python-flask", "--port", "8123", dir], dir, true);
    expect(run.code).toBe(0);
    expect(prompter().events).toEqual(["startCommand", "dev", "buildSecrets", "starter", "(note)", "confirm"]);
    expect(readTree(dir)["Dockerfile"]).toContain("EXPOSE 8123");
  });

  it.each([["--yes"], ["--json"]])("%s never prompts, even on a terminal", async (flag) => {
    const dir = tempDir();
    const run = await runCliCaptured(["init", "--preset", "python-flask", flag, dir], dir, true);
    expect(run.code).toBe(0);
    expect(state.created).toBe(0);
  });

  it("without a terminal (io.interactive false) it never prompts: missing answers are exit 2", async () => {
    const dir = tempDir();
    const run = await runCliCaptured(["init", dir], dir, false);
    expect(run.code).toBe(2);
    expect(state.created).toBe(0);
    expect(run.stderr).toContain("--language <python|node|go|rust|java>");
    expect(readTree(dir)).toEqual({});
  });
});
