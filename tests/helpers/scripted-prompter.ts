// A Prompter that answers from a script (HOUSE-STYLE habit 7, changesets' fakes): answers
// are keyed by question `name`, any question it was not told to expect throws, and the
// order of everything asked (and of the summary notes) is recorded.
import type { ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from "../../src/prompts/prompter.js";

/** Answer with the question's own default (what pressing Enter does). */
export const DEFAULT = Symbol("default");

/** A scripted answer: a value, DEFAULT, an Error to throw (e.g. a CancelledError for Ctrl+C). */
export type Scripted = string | boolean | typeof DEFAULT | Error;

export class ScriptedPrompter implements Prompter {
  /** Question names in the order they were asked. */
  readonly asked: string[] = [];
  /** Questions and notes in order: a note is recorded as "(note)". */
  readonly events: string[] = [];
  readonly notes: string[] = [];
  /** Every question as it was asked, by name (for checking defaults and choices). */
  readonly questions = new Map<string, SelectQuestion<string> | InputQuestion | ConfirmQuestion>();
  private readonly script: Map<string, Scripted>;

  constructor(script: Record<string, Scripted>) {
    this.script = new Map(Object.entries(script));
  }

  /** Scripted answers that no question used (a test that scripts them expects them asked). */
  unused(): string[] {
    return [...this.script.keys()];
  }

  private take(kind: string, q: { name: string; message: string }): Scripted {
    this.asked.push(q.name);
    this.events.push(q.name);
    if (!this.script.has(q.name)) {
      throw new Error(`ScriptedPrompter: unexpected ${kind} question ${JSON.stringify(q.name)} (${JSON.stringify(q.message)}); asked so far: ${this.asked.join(", ")}`);
    }
    const answer = this.script.get(q.name)!;
    this.script.delete(q.name);
    if (answer instanceof Error) throw answer;
    return answer;
  }

  async select<T extends string>(q: SelectQuestion<T>): Promise<T> {
    this.questions.set(q.name, q as unknown as SelectQuestion<string>);
    const answer = this.take("select", q);
    const value = answer === DEFAULT ? q.default : answer;
    if (value === undefined) throw new Error(`ScriptedPrompter: ${q.name} has no default to accept`);
    if (!q.choices.some((c) => c.value === value)) {
      throw new Error(`ScriptedPrompter: ${JSON.stringify(value)} is not a choice of ${q.name} (${q.choices.map((c) => c.value).join(", ")})`);
    }
    return value as T;
  }

  async input(q: InputQuestion): Promise<string> {
    this.questions.set(q.name, q);
    const answer = this.take("input", q);
    const value = answer === DEFAULT ? q.default : answer;
    if (typeof value !== "string") throw new Error(`ScriptedPrompter: ${q.name} needs a string answer (or a default), got ${String(value)}`);
    // The real prompt re-asks until validate passes; a script giving an invalid answer is a broken test.
    const valid = q.validate ? q.validate(value) : true;
    if (valid !== true) throw new Error(`ScriptedPrompter: ${q.name} would refuse ${JSON.stringify(value)}: ${valid}`);
    return value;
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    this.questions.set(q.name, q);
    const answer = this.take("confirm", q);
    const value = answer === DEFAULT ? q.default : answer;
    if (typeof value !== "boolean") throw new Error(`ScriptedPrompter: ${q.name} needs true or false, got ${String(value)}`);
    return value;
  }

  note(text: string): void {
    this.notes.push(text);
    this.events.push("(note)");
  }
}
