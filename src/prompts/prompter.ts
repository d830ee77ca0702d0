// The Prompter: the only door to @inquirer/prompts (loaded lazily, so `--yes` and
// `check` never load it). Tests give a scripted prompter instead.
import { CancelledError } from "../errors.js";

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

export interface SelectQuestion<T extends string> {
  name: string;
  message: string;
  choices: Choice<T>[];
  default?: T;
}

export interface InputQuestion {
  name: string;
  message: string;
  default?: string;
  /** true when valid, or the message to show. */
  validate?: (value: string) => true | string;
}

export interface ConfirmQuestion {
  name: string;
  message: string;
  default?: boolean;
}

export interface Prompter {
  select<T extends string>(q: SelectQuestion<T>): Promise<T>;
  input(q: InputQuestion): Promise<string>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
  /** Show text to the user (the summary). */
  note(text: string): void;
}

function isCancel(err: unknown): boolean {
  return err instanceof Error && (err.name === "ExitPromptError" || err.name === "AbortPromptError");
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isCancel(err)) throw new CancelledError();
    throw err;
  }
}

/** The real prompts, on the terminal. */
export function createInquirerPrompter(output: NodeJS.WritableStream = process.stdout): Prompter {
  const load = () => import("@inquirer/prompts");
  return {
    async select(q) {
      const { select } = await load();
      return guard(() => select({ message: q.message, choices: q.choices, default: q.default }));
    },
    async input(q) {
      const { input } = await load();
      return guard(() => input({ message: q.message, default: q.default, validate: q.validate }));
    },
    async confirm(q) {
      const { confirm } = await load();
      return guard(() => confirm({ message: q.message, default: q.default }));
    },
    note(text) {
      output.write(text.endsWith("\n") ? text : `${text}\n`);
    },
  };
}
