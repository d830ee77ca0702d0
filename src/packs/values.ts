// The answers to template packs' questions (`{{values.<name>}}` in a pack's templates): from
// --value name=value, the preset's values:, the recorded values: of .docker-scaffold.yml, a
// prompt, then the question's default, in that order. Every value is converted to its
// question's type and checked before anything is rendered; a value no pack asks for, or a
// question with no answer and no default in a non-interactive run, is exit 2.
import { UsageError } from "../errors.js";
import type { Prompter } from "../prompts/prompter.js";
import { coerceValue, type PackQuestion, type PackValue } from "./manifest.js";

export interface ValueLayer {
  /** Where the values come from, for messages: "--value", "preset acme-base", ".docker-scaffold.yml". */
  source: string;
  values: Record<string, unknown>;
}

/** `--value name=value` (repeatable) -> { name: "value" }. */
export function parseValueFlags(flags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of flags) {
    const eq = f.indexOf("=");
    if (eq <= 0) throw new UsageError(`--value ${JSON.stringify(f)}: expected name=value.\nfix: e.g. --value team=payments`);
    out[f.slice(0, eq).trim()] = f.slice(eq + 1);
  }
  return out;
}

export async function resolveValues(
  questions: readonly (PackQuestion & { by: string })[],
  layers: readonly ValueLayer[],
  prompter?: Prompter,
): Promise<Record<string, PackValue>> {
  const problems: string[] = [];
  const asked = new Set(questions.map((q) => q.name));
  for (const layer of layers) {
    // A recorded value of a question no pack asks any more is dropped, not an error.
    if (layer.source === ".docker-scaffold.yml") continue;
    for (const name of Object.keys(layer.values)) {
      if (!asked.has(name)) {
        problems.push(`  - ${name} (${layer.source}): no template pack asks for it${asked.size ? ` (asked: ${[...asked].join(", ")})` : ""}\n    fix: remove it, or check its spelling`);
      }
    }
  }
  const out: Record<string, PackValue> = {};
  const missing: string[] = [];
  for (const q of questions) {
    const given = layers.find((l) => l.values[q.name] !== undefined);
    if (given) {
      try {
        out[q.name] = coerceValue(q, given.values[q.name]);
      } catch (err) {
        problems.push(`  - ${q.name} (${given.source}): ${(err as Error).message}\n    fix: ${hint(q)}`);
      }
      continue;
    }
    if (prompter) {
      out[q.name] = await ask(prompter, q);
      continue;
    }
    if (q.default !== undefined) out[q.name] = q.default;
    else missing.push(`  - ${q.name}: ${q.message} (asked by template pack ${q.by})\n    fix: --value ${q.name}=<${q.type === "choice" ? q.choices.join("|") : q.type}>`);
  }
  if (problems.length) throw new UsageError(`Template pack values are not valid:\n${problems.join("\n")}`);
  if (missing.length) throw new UsageError(`Template packs ask for values that were not given (and have no default):\n${missing.join("\n")}`);
  return out;
}

function hint(q: PackQuestion): string {
  if (q.type === "choice") return `use one of: ${q.choices.join(", ")}`;
  if (q.type === "boolean") return "use true or false";
  if (q.type === "number") return "use a number";
  return q.pattern ? `use a value matching ${q.pattern}, on one line` : "use a value on one line";
}

async function ask(prompter: Prompter, q: PackQuestion & { by: string }): Promise<PackValue> {
  const name = `values.${q.name}`;
  if (q.type === "boolean") return prompter.confirm({ name, message: q.message, default: q.default === undefined ? undefined : Boolean(q.default) });
  if (q.type === "choice") {
    return prompter.select({ name, message: q.message, choices: q.choices.map((c) => ({ value: c, name: c })), default: typeof q.default === "string" ? q.default : undefined });
  }
  const answer = await prompter.input({
    name,
    message: q.message,
    default: q.default === undefined ? undefined : String(q.default),
    validate: (v) => {
      try {
        coerceValue(q, v);
        return true;
      } catch (err) {
        return (err as Error).message;
      }
    },
  });
  return coerceValue(q, answer);
}
