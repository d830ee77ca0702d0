// runInit: the `init` command as a library function. Prepares (answers, plan, rendered
// files), decides each file, and writes all files or none, with the merge bases `update`
// needs (.docker-scaffold/base/) and the `files:` record in .docker-scaffold.yml.
import type { Detection } from "../detect/index.js";
import { CancelledError, ConflictError } from "../errors.js";
import type { Answers } from "../model/answers.js";
import type { Plan, RenderedFile } from "../model/plan.js";
import type { Sources } from "../model/resolve.js";
import type { Prompter } from "../prompts/prompter.js";
import { ANSWERS_FILE, renderAnswersFile } from "../render/answers-file.js";
import { basePath, decideBases, initRecords } from "../update/records.js";
import { applyDecisions, readCurrent } from "../write/apply.js";
import { decideFile, decideFiles, type FileDecision, type FileStatus } from "../write/decide.js";
import type { StarterPlan } from "../starters/plan-starter.js";
import { prepareRun, type PrepareOptions } from "./prepare.js";
import { formatAnswers, formatStatuses } from "./summary.js";

export interface InitOptions extends PrepareOptions {
  dryRun?: boolean;
  force?: boolean;
  /** On a conflict, put unified diffs in the error message. */
  diff?: boolean;
}

export interface InitResult {
  dir: string;
  dryRun: boolean;
  written: boolean;
  files: { path: string; status: FileStatus }[];
  decisions: FileDecision[];
  answers: Answers;
  sources: Sources;
  plan: Plan;
  /** What detection found (null when it was turned off). */
  detection: Detection | null;
  /** The starter app written (or, in a dry run, that would be), or null. */
  starter: StarterPlan | null;
  /** What makes the directory an app, null when it has none (undefined: not looked at, with --no-detect). */
  existingApp: string | null | undefined;
}

export async function runInit(options: InitOptions): Promise<InitResult> {
  const { dir, detection, recorded, resolved, plan, rendered, writesAnswersFile, current, starter, existingApp, refuseStarter } = await prepareRun(options);
  const force = options.force ?? false;
  let decisions = decideFiles(rendered, current, force);
  if (starter && existingApp && !starter.files.every((f) => decisions.find((d) => d.path === f)?.status === "identical")) throw refuseStarter();
  if (writesAnswersFile) {
    // Rendered last: it records the sha256 of every other file as this run leaves it.
    const answers: RenderedFile = { path: ANSWERS_FILE, strategy: "whole", content: renderAnswersFile(plan, initRecords(recorded?.files ?? {}, decisions)) };
    // Listed in its usual place: after the other outputs, before a starter's files.
    const at = decisions.findIndex((d) => starter?.files.includes(d.path));
    decisions.splice(at === -1 ? decisions.length : at, 0, decideFile(answers, current.get(ANSWERS_FILE) ?? null, force));
  }

  if (options.prompter && !options.dryRun) decisions = await confirmWrite(options.prompter, plan, resolved.sources, decisions);
  if (!options.dryRun) {
    const conflicts = decisions.filter((d) => d.status === "conflict");
    if (conflicts.length) {
      const reasons = conflicts.map((c) => c.reason).filter(Boolean).join("\n");
      const diffs = options.diff ? (await import("./diffs.js")).formatDiffs(conflicts) : "";
      throw new ConflictError(conflicts.map((c) => c.path), [reasons, diffs].filter(Boolean).join("\n"));
    }
    // Starter files are the user's from the start: they get no record and no merge base.
    const bases = decideBases(rendered, await readCurrent(dir, rendered.map((f) => basePath(f.path))));
    await applyDecisions(dir, [...decisions, ...bases]);
  }
  return {
    dir,
    dryRun: options.dryRun ?? false,
    written: !options.dryRun,
    files: decisions.map((d) => ({ path: d.path, status: d.status })),
    decisions,
    answers: resolved.answers,
    sources: resolved.sources,
    plan,
    detection,
    starter,
    existingApp,
  };
}

/** The summary and the confirmation; each conflicting file needs its own consent. */
async function confirmWrite(prompter: Prompter, plan: Plan, sources: Sources, decisions: FileDecision[]): Promise<FileDecision[]> {
  prompter.note(`\nAnswers:\n${formatAnswers(plan.answers, sources)}\n\nFiles:\n${formatStatuses(decisions)}\n`);
  const out: FileDecision[] = [];
  for (const d of decisions) {
    if (d.status !== "conflict" || d.reason) {
      out.push(d);
      continue;
    }
    const show = await prompter.confirm({ name: `overwrite:${d.path}`, message: `${d.path} exists and differs. Overwrite it?`, default: false });
    if (!show) throw new ConflictError([d.path], (await import("./diffs.js")).formatDiffs([d]));
    out.push({ ...d, status: "update" });
  }
  if (!out.some((d) => d.status === "create" || d.status === "update")) return out;
  if (!(await prompter.confirm({ name: "confirm", message: "Write these files?", default: true }))) throw new CancelledError();
  return out;
}
