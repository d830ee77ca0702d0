// The real Prompter maps inquirer's Ctrl+C (ExitPromptError) and abort (AbortPromptError)
// to CancelledError (exit 130) and passes the question through; other errors stay as they are.
import { describe, expect, it, vi } from "vitest";
import { CancelledError } from "../../src/errors.js";

const calls = vi.hoisted(() => ({ list: [] as { kind: string; config: Record<string, unknown> }[], fail: null as Error | null, answer: undefined as unknown }));

vi.mock("@inquirer/prompts", () => {
  const prompt = (kind: string) => async (config: Record<string, unknown>) => {
    calls.list.push({ kind, config });
    if (calls.fail) throw calls.fail;
    return calls.answer;
  };
  return { select: prompt("select"), input: prompt("input"), confirm: prompt("confirm") };
});

const { createInquirerPrompter } = await import("../../src/prompts/prompter.js");

function named(name: string, message = "x"): Error {
  const err = new Error(message);
  err.name = name;
  return err;
}

describe("createInquirerPrompter", () => {
  it.each(["ExitPromptError", "AbortPromptError"])("turns %s into CancelledError (exit 130)", async (name) => {
    calls.fail = named(name, "User force closed the prompt with SIGINT");
    const p = createInquirerPrompter();
    for (const ask of [
      () => p.select({ name: "language", message: "Language", choices: [{ value: "go", name: "Go" }] }),
      () => p.input({ name: "port", message: "Port" }),
      () => p.confirm({ name: "confirm", message: "Write?" }),
    ]) {
      const err = await ask().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CancelledError);
      expect((err as CancelledError).exitCode).toBe(130);
    }
  });

  it("lets other errors through unchanged", async () => {
    const boom = new TypeError("boom");
    calls.fail = boom;
    await expect(createInquirerPrompter().input({ name: "port", message: "Port" })).rejects.toBe(boom);
  });

  it("passes message, choices, default and validate to inquirer and returns its answer", async () => {
    calls.fail = null;
    calls.list.length = 0;
    calls.answer = "9000";
    const validate = (v: string) => (v ? true : "no");
    const answer = await createInquirerPrompter().input({ name: "port", message: "Port", default: "8000", validate });
    expect(answer).toBe("9000");
    expect(calls.list[0]).toEqual({ kind: "input", config: { message: "Port", default: "8000", validate } });
  });

  it("note writes the text to its output, ending with a newline", () => {
    let out = "";
    createInquirerPrompter({ write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream).note("Answers:");
    expect(out).toBe("Answers:\n");
  });
});
