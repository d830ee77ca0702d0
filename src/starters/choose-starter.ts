// Whether this run writes a starter app, once the answers are resolved: always with
// --starter (or exit 2 with every reason it cannot), never with --no-starter, and
// interactively only when asked and accepted.
import type { Prompter } from "../prompts/prompter.js";
import { resolveAnswers, type AnswerLayer, type ResolveContext, type ResolvedAnswers } from "../model/resolve.js";
import { checkStarter, planStarter, starterError, type StarterPlan } from "./plan-starter.js";

export interface StarterChoice {
  /** --starter (true), --no-starter (false), or neither. */
  want: boolean | undefined;
  /** Interactive runs may offer one (first run, no app): null means never ask. */
  offerWith: Prompter | null;
}

/**
 * The starter to write (null: none) and the answers it is written for. `layers` gains a
 * "starter" layer when a default start or build command gives way to the starter's.
 */
export async function chooseStarter(choice: StarterChoice, resolved: ResolvedAnswers, layers: AnswerLayer[], context: ResolveContext): Promise<{ resolved: ResolvedAnswers; starter: StarterPlan | null }> {
  if (choice.want === true) return fitStarter(resolved, layers, context);
  if (choice.want === false || !choice.offerWith) return { resolved, starter: null };
  const check = checkStarter(resolved.answers, resolved.sources);
  if (!check.starter) return { resolved, starter: null };
  if (check.problems.length > 0) {
    choice.offerWith.note(`No starter app offered: ${check.problems.map((p) => p.message).join("; ")}.`);
    return { resolved, starter: null };
  }
  const yes = await choice.offerWith.confirm({
    name: "starter",
    message: `There is no app here yet. Write a minimal ${check.starter.label} starter app too (${planStarter(check.starter, resolved.answers).entry}, a test, dependencies)?`,
    default: true,
  });
  return yes ? fitStarter(resolved, layers, context) : { resolved, starter: null };
}

/**
 * Fit the starter to the answers: a start or build command that only a default supplied
 * becomes the starter's (recorded, so a re-run reproduces it); anything else that does
 * not fit is an error listing every reason (exit 2).
 */
function fitStarter(resolved: ResolvedAnswers, layers: AnswerLayer[], context: ResolveContext): { resolved: ResolvedAnswers; starter: StarterPlan } {
  let check = checkStarter(resolved.answers, resolved.sources);
  if (check.problems.length === 0 && Object.keys(check.adjust).length > 0) {
    const at = layers.findIndex((l) => l.source === "detected");
    layers.splice(at === -1 ? layers.length : at, 0, { source: "starter", explicit: true, answers: check.adjust });
    resolved = resolveAnswers(layers, context);
    check = checkStarter(resolved.answers, resolved.sources);
  }
  if (!check.starter || check.problems.length > 0) throw starterError(check.problems);
  return { resolved, starter: planStarter(check.starter, resolved.answers) };
}
