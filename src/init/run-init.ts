// runInit: the `init` command as a library function. Gathers answer layers, asks
// (when given a Prompter) for what is still open, plans, renders, decides, and
// writes all files or none.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { detectProject, type Detection } from "../detect/index.js";
import { CancelledError, ConflictError, UsageError } from "../errors.js";
import { hintsFromExtra } from "../model/hints.js";
import type { Answers, PartialAnswers } from "../model/answers.js";
import { buildPlan } from "../model/build-plan.js";
import type { OutputFile, Plan } from "../model/plan.js";
import { mergeLayers, resolveAnswers, type AnswerLayer, type Sources } from "../model/resolve.js";
import { parseSetValues } from "../model/set-values.js";
import { loadAnswersFile, loadPreset, type Preset } from "../presets/load-preset.js";
import type { Prompter } from "../prompts/prompter.js";
import { renderPlan } from "../render/render-plan.js";
import { GENERATOR } from "../version.js";
import { applyDecisions, readCurrent } from "../write/apply.js";
import { decideFiles, type FileDecision, type FileStatus } from "../write/decide.js";
import { findBlock, makefileTargetsOutsideBlock } from "../write/managed-block.js";
import { readRecorded } from "./recorded.js";
import { formatAnswers, formatStatuses } from "./summary.js";

export interface InitOptions {
  /** Target directory (default: cwd). */
  dir?: string;
  cwd?: string;
  preset?: string;
  /** Answers given as flags (--port, --language, ...). */
  flags?: PartialAnswers;
  /** `--set key=value` pairs. */
  set?: string[];
  answersFile?: string;
  only?: string[];
  dryRun?: boolean;
  force?: boolean;
  /** On a conflict, put unified diffs in the error message. */
  diff?: boolean;
  /** Read the repository to pre-fill answers (default true). */
  detect?: boolean;
  /** In a repository with several apps, the one to containerise (a sub-folder). */
  app?: string;
  /** Present when interactive; absent or null means never prompt. */
  prompter?: Prompter | null;
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
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return null;
  }
}

export async function runInit(options: InitOptions): Promise<InitResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.dir ?? ".");
  // A directory that does not exist yet has nothing to detect (init creates it).
  const canDetect = options.detect !== false && existsSync(root);
  const { detection, app } = canDetect ? await detectApp(root, options) : { detection: null, app: options.app };
  // The files go next to the app: a sub-folder when --app names one or it is the only app.
  const appPath = app ?? (typeof detection?.extra.appPath === "string" ? detection.extra.appPath : ".");
  const dir = resolve(root, appPath);
  const recorded = await readRecorded(dir);
  const presetRef = options.preset ?? recorded?.preset ?? null;
  const preset: Preset | null = presetRef ? loadPreset(presetRef, cwd) : null;

  // Precedence: flags, --set, --answers, then a preset named on the command line, then
  // what .docker-scaffold.yml recorded, then the recorded preset, then defaults.
  const layers: AnswerLayer[] = [
    { source: "flag", explicit: true, answers: options.flags ?? {} },
    { source: "--set", explicit: true, answers: parseSetValues(options.set ?? []) },
  ];
  if (options.answersFile) layers.push({ source: "--answers", explicit: true, answers: loadAnswersFile(resolve(cwd, options.answersFile)) });
  const presetLayer: AnswerLayer | null = preset ? { source: `preset:${preset.name}`, explicit: false, answers: preset.answers } : null;
  if (presetLayer && options.preset) layers.push(presetLayer);
  if (recorded) layers.push({ source: "recorded", explicit: true, answers: recorded.answers });
  if (presetLayer && !options.preset) layers.push(presetLayer);
  const detected = detection ? detectedAnswers(detection) : {};

  if (options.prompter) {
    // Loaded only on the interactive path (HOUSE-STYLE habit 13). Detected values are
    // asked too, pre-filled and marked "(detected)".
    const { askAnswers } = await import("../prompts/ask-answers.js");
    const accepted = new Set<string>();
    const asked = await askAnswers(options.prompter, mergeLayers(layers).merged, detected, accepted);
    // A pre-filled value the user just confirmed is not recorded as their own choice, so a
    // later change in the repository (detection) or in a default still reaches the output.
    // Language and framework have no default to fall back on: they are recorded unless detected.
    const kept = (key: string): boolean =>
      key === "gid" ? kept("uid") : !accepted.has(key) || ((key === "language" || key === "framework") && detected[key] === undefined);
    const split = (pick: boolean) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(asked)) {
        if (key !== "security") {
          if (kept(key) === pick) out[key] = value;
          continue;
        }
        const sec = Object.fromEntries(Object.entries(value as object).filter(([k]) => kept(`security.${k}`) === pick));
        if (Object.keys(sec).length) out.security = sec;
      }
      return out as PartialAnswers;
    };
    layers.splice(2, 0, { source: "prompt", explicit: true, answers: split(true) }, { source: "prompt", explicit: false, answers: split(false) });
  }
  layers.push({ source: "detected", explicit: false, answers: detected });

  const hints = detection ? hintsFromExtra(detection.extra) : {};
  const resolved = resolveAnswers(layers, { dirName: basename(dir), hints });
  const makefile = await readOptional(join(dir, "Makefile"));
  const plan = buildPlan({
    resolved,
    preset: preset ? { name: preset.name, version: preset.version } : null,
    only: options.only ?? recorded?.only ?? null,
    makefileTargets: makefile ? makefileTargetsOutsideBlock(makefile) : [],
    generator: GENERATOR,
    answersFileExtra: recorded?.extra ?? {},
    hints,
    appEnv: detection?.env ?? [],
  });
  const current = await readCurrent(dir, plan.files);
  const ownership: Partial<Record<OutputFile, boolean>> = { Makefile: ownsWholeFile(makefile) };
  let decisions = decideFiles(renderPlan(plan, ownership), current, options.force ?? false);

  if (options.prompter && !options.dryRun) decisions = await confirmWrite(options.prompter, plan, resolved.sources, decisions);
  if (!options.dryRun) {
    const conflicts = decisions.filter((d) => d.status === "conflict");
    if (conflicts.length) {
      const reasons = conflicts.map((c) => c.reason).filter(Boolean).join("\n");
      const diffs = options.diff ? (await import("./diffs.js")).formatDiffs(conflicts) : "";
      throw new ConflictError(conflicts.map((c) => c.path), [reasons, diffs].filter(Boolean).join("\n"));
    }
    await applyDecisions(dir, decisions);
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
  };
}

/** Detect the app; several apps need --app (or, interactively, a choice). */
async function detectApp(root: string, options: InitOptions): Promise<{ detection: Detection; app: string | undefined }> {
  const detection = await detectProject(root, { app: options.app });
  if (options.app !== undefined || detection.apps.length <= 1) return { detection, app: options.app };
  if (options.prompter) {
    const app = await options.prompter.select({
      name: "app",
      message: "This repository has several apps. Which one?",
      choices: detection.apps.map((a) => ({ value: a.path, name: `${a.path} (${a.language})` })),
    });
    return { detection: await detectProject(root, { app }), app };
  }
  throw new UsageError(
    `This repository has several apps:\n${detection.apps.map((a) => `  - ${a.path} (${a.language})`).join("\n")}\nfix: choose one with --app <path>, e.g. --app ${detection.apps[0]!.path}`,
  );
}

/** Detected values as an answer layer: only what detection could justify (never null). */
function detectedAnswers(d: Detection): PartialAnswers {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(d.answers)) {
    // Backing services arrive with their own issue; security settings are never detected.
    if (key === "services") continue;
    // A known app with no health route gets a TCP probe, not a guessed path that would 404.
    if (key === "healthPath" && value === null && d.answers.language !== null) out.healthPath = null;
    if (value === null) continue;
    out[key] = value;
  }
  return out as PartialAnswers;
}

/** A Makefile is wholly ours when it is new or holds nothing but our block. */
function ownsWholeFile(text: string | null): boolean {
  if (text === null) return true;
  try {
    const block = findBlock(text);
    return block !== null && block.before.trim() === "" && block.after.trim() === "";
  } catch {
    return false;
  }
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
