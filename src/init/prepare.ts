// prepareRun: what `init` and `update` share up to the files in memory. Gathers the answer
// layers, asks (when given a Prompter) for what is still open, plans and renders; reads
// what is on disk. Writes nothing.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { detectProject, type Detection } from "../detect/index.js";
import { AnswersError, UsageError } from "../errors.js";
import { appHintsFromExtra } from "../model/hints.js";
import type { PartialAnswers } from "../model/answers.js";
import { buildPlan } from "../model/build-plan.js";
import type { OutputFile, Plan, RenderedFile } from "../model/plan.js";
import { mergeLayers, resolveAnswers, type AnswerLayer, type ResolvedAnswers } from "../model/resolve.js";
import { parseSetValues } from "../model/set-values.js";
import { loadAnswersFile } from "../presets/load-preset.js";
import { resolveTeam } from "../packs/for-run.js";
import type { NpmFetcher } from "../packs/npm.js";
import { enforceLocks, enforceRegistries } from "../packs/policy.js";
import type { Prompter } from "../prompts/prompter.js";
import { ANSWERS_FILE } from "../render/answers-file.js";
import { renderPlan } from "../render/render-plan.js";
import { GENERATOR } from "../version.js";
import { readCurrent } from "../write/apply.js";
import { findBlock, makefileTargetsOutsideBlock } from "../write/managed-block.js";
import { chooseStarter } from "../starters/choose-starter.js";
import { findExistingApp } from "../starters/existing-app.js";
import type { StarterPlan } from "../starters/plan-starter.js";
import { readRecorded, readRecordedPath, type Recorded } from "./recorded.js";
import { prepareMulti } from "./prepare-multi.js";
import { parseValueFlags, resolveValues, type ValueLayer } from "../packs/values.js";
import { resolveBaseDigests } from "../digests/pin-digests.js";
import type { DigestResolver } from "../digests/registry-resolver.js";

export interface PrepareOptions {
  /** Target directory (default: cwd). */
  dir?: string;
  cwd?: string;
  preset?: string;
  /** Answers given as flags (--port, --language, ...). */
  flags?: PartialAnswers;
  /** `--set key=value` pairs. */
  set?: string[];
  /** `--value name=value` pairs: answers to template packs' questions. */
  values?: string[];
  answersFile?: string;
  only?: string[];
  /** Read the repository to pre-fill answers (default true). */
  detect?: boolean;
  /** In a repository with several apps, the one to containerise (a sub-folder). */
  app?: string;
  /** --template references: template packs (issue 8). */
  templates?: string[];
  /** Use only the cache for git and npm references. */
  offline?: boolean;
  /** Fetch git and npm references again, and move past the recorded versions. */
  refresh?: boolean;
  /** How npm packages are fetched when not in node_modules (tests inject one). */
  npm?: NpmFetcher;
  /** The environment (user config and cache dirs); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Several apps (repeated --app): all of them, one compose file at the root. */
  apps?: string[];
  /** Present when interactive; absent or null means never prompt. */
  prompter?: Prompter | null;
  /** Refuse a directory without .docker-scaffold.yml (update: there is nothing to update). */
  requireRecorded?: boolean;
  /**
   * A starter app where the directory has none (issue 10): true writes one (--starter),
   * false never offers one (--no-starter), undefined asks when interactive.
   */
  starter?: boolean;
  /** --pin-digests: how a base image tag becomes a digest (default: the registries' HTTP API). Tests give a fake. */
  resolveDigest?: DigestResolver;
}

export interface Prepared {
  dir: string;
  detection: Detection | null;
  recorded: Recorded | null;
  resolved: ResolvedAnswers;
  plan: Plan;
  /** The rendered files in plan order, .docker-scaffold.yml apart (it records the others). */
  rendered: RenderedFile[];
  /** Whether .docker-scaffold.yml is among the files to write (it is unless --only leaves it out). */
  writesAnswersFile: boolean;
  /** What is on disk now for each rendered path. */
  current: Map<string, string | null>;
  /** The starter app to write (init --starter), or null. */
  starter: StarterPlan | null;
  /** What makes the directory an app, null when it has none (undefined: not looked at). */
  existingApp: string | null | undefined;
  /** The error for --starter where there already is an app (thrown by init once it knows the files differ). */
  refuseStarter: () => UsageError;
}

export async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return null;
  }
}

export async function prepareRun(options: PrepareOptions): Promise<Prepared> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.dir ?? ".");
  // A directory that does not exist yet has nothing to detect (init creates it).
  const canDetect = options.detect !== false && existsSync(root);
  // Several apps (issue 6): named with repeated --app, recorded under apps:, or detected.
  const recordedRoot = options.app === undefined && existsSync(root) ? await readRecorded(root) : null;
  // An --answers file in the format of .docker-scaffold.yml may list the apps too.
  const answersApps =
    options.answersFile && !options.apps?.length && options.app === undefined
      ? (await readRecordedPath(resolve(cwd, options.answersFile)).catch(() => null))?.apps?.map((a) => a.path)
      : undefined;
  const several = options.apps?.length ? options.apps : options.app === undefined ? (answersApps ?? recordedRoot?.apps?.map((a) => a.path)) : undefined;
  if (several?.length) return prepareMulti(root, options, several, recordedRoot);
  const { detection, app, all: allApps } = canDetect ? await detectApp(root, options) : { detection: null, app: options.app, all: undefined };
  if (allApps) return prepareMulti(root, options, allApps, recordedRoot);
  // The files go next to the app: a sub-folder when --app names one or it is the only app.
  const appPath = app ?? (typeof detection?.extra.appPath === "string" ? detection.extra.appPath : ".");
  const dir = resolve(root, appPath);
  // A starter is only ever written where there is no app: decided before any question.
  const mayWriteStarter = options.starter === true || (options.starter === undefined && !!options.prompter);
  // A directory that does not exist yet has no app in it.
  const existingApp = !existsSync(dir) ? null : detection || mayWriteStarter ? await findExistingApp(dir, detection) : undefined;
  // Where there is an app, --starter is refused, unless that app is the very starter it
  // would write (the same command run again): then every file is IDENTICAL (checked once
  // rendered). Interactively it is refused before any question is asked.
  const refuseStarter = () =>
    new UsageError(`--starter: ${dir} already has an app (${existingApp}); a starter app is only written where there is none.\nfix: drop --starter to containerise the app that is there`);
  if (options.starter === true && existingApp && options.prompter) throw refuseStarter();
  const recorded = await readRecorded(dir);
  if (!recorded && options.requireRecorded) {
    throw new UsageError(`${dir} has no ${ANSWERS_FILE}: there is nothing to update.\nfix: run \`docker-scaffold init\` there first`);
  }
  // A preset named on the command line is relative to the working directory; a recorded
  // preset file to the directory that records it. Team presets, packs and policies: src/packs.
  const team = resolveTeam({ cwd, dir, recorded, preset: options.preset, templates: options.templates, offline: options.offline, refresh: options.refresh, npm: options.npm, env: options.env });
  const preset = team.preset;

  // Precedence: flags, --set, --answers, then a preset named on the command line, then
  // what .docker-scaffold.yml recorded, then the recorded preset, then defaults.
  const layers: AnswerLayer[] = [
    { source: "flag", explicit: true, answers: options.flags ?? {} },
    { source: "--set", explicit: true, answers: parseSetValues(options.set ?? []) },
  ];
  if (options.answersFile) layers.push({ source: "--answers", explicit: true, answers: loadAnswersFile(resolve(cwd, options.answersFile)) });
  const presetLayer: AnswerLayer | null = preset ? { source: `preset:${preset.name}`, explicit: false, answers: preset.answers } : null;
  if (presetLayer && team.presetFromCli) layers.push(presetLayer);
  if (recorded) layers.push({ source: "recorded", explicit: true, answers: recorded.answers });
  if (presetLayer && !team.presetFromCli) layers.push(presetLayer);
  const detected = detection ? detectedAnswers(detection) : {};

  if (options.prompter) {
    // Loaded only on the interactive path (HOUSE-STYLE habit 13). Detected values are
    // asked too, pre-filled and marked "(detected)".
    const { askAnswers } = await import("../prompts/ask-answers.js");
    const accepted = new Set<string>();
    // Detected services (a database driver among the dependencies) are offered, never added unasked.
    const found = detection?.answers.services;
    const suggested = Array.isArray(found) && found.length ? { ...detected, services: found } : detected;
    // The optional outputs (issue 9) are offered on the first run; a re-run keeps what was recorded
    // (off by default). CI and the update bot are asked on a first run without a preset (a preset
    // is the team's whole answer: it sets ci/updateBot itself); flags always work.
    const merged = mergeLayers(layers).merged;
    const known = recorded ? { dev: false, buildSecrets: false, ...merged } : merged;
    const asked = await askAnswers(options.prompter, known, suggested, accepted, !recorded && !preset);
    // A pre-filled value the user just confirmed is not recorded as their own choice, so a
    // later change in the repository (detection) or in a default still reaches the output.
    // Language and framework have no default to fall back on: they are recorded unless detected.
    // Services are always recorded: detection only offers them, so nothing else brings them back.
    const kept = (key: string): boolean =>
      key === "gid" ? kept("uid") : key === "services" || !accepted.has(key) || ((key === "language" || key === "framework") && detected[key] === undefined);
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
    layers.splice(2, 0, { source: "answered", explicit: true, answers: split(true) }, { source: "confirmed", explicit: false, answers: split(false) });
  }
  layers.push({ source: "detected", explicit: false, answers: detected });
  // A preset's locked answers: no flag, --set, --answers, prompt or recorded answer changes them.
  if (team.locked.length) enforceLocks(team.locked, layers, options.answersFile);

  // Template packs' questions: --value, the preset's values, the record, a prompt, the default.
  const valueLayers: ValueLayer[] = [{ source: "--value", values: parseValueFlags(options.values ?? []) }];
  const presetValues: ValueLayer | null = preset && Object.keys(preset.values).length ? { source: `preset ${preset.name}`, values: preset.values } : null;
  if (presetValues && team.presetFromCli) valueLayers.push(presetValues);
  if (recorded?.values) valueLayers.push({ source: ".docker-scaffold.yml", values: recorded.values });
  if (presetValues && !team.presetFromCli) valueLayers.push(presetValues);
  const values = await resolveValues(team.questions, valueLayers, options.prompter ?? undefined);

  const hints = detection ? appHintsFromExtra(detection.extra) : {};
  const context = { dirName: basename(dir), hints };
  let resolved = resolveRecordedAware(layers, context);
  // Offered on the first run only, where there is no app: a re-run (answers recorded) had its chance.
  const offerWith = options.prompter && existingApp === null && !recorded ? options.prompter : null;
  let starter: StarterPlan | null;
  ({ resolved, starter } = await chooseStarter({ want: options.starter, offerWith }, resolved, layers, context));
  refuseGithubFilesBelowRoot(dir, resolved.answers);
  const digests = resolved.answers.pinDigests ? await resolveBaseDigests(resolved.answers, recorded?.digests ?? {}, options.resolveDigest) : {};
  const makefile = await readOptional(join(dir, "Makefile"));
  const plan = buildPlan({
    resolved,
    preset: preset ? { name: preset.name, version: preset.version, ...(team.presetSource ? { source: team.presetSource } : {}) } : null,
    only: options.only ?? recorded?.only ?? null,
    makefileTargets: makefile ? makefileTargetsOutsideBlock(makefile) : [],
    generator: GENERATOR,
    answersFileExtra: recorded?.extra ?? {},
    hints,
    appEnv: detection?.env ?? [],
    starter,
    digests,
  });
  if (team.sharing) plan.sharing = team.questions.length ? { ...team.sharing, values } : team.sharing;
  const ownership: Partial<Record<OutputFile, boolean>> = { Makefile: ownsWholeFile(makefile) };
  const all = renderPlan(plan, ownership);
  // A preset's or pack's allowed registries, on the images the files name.
  if (team.registryPolicies.length) enforceRegistries(team.registryPolicies, all);
  const rendered = all.filter((f) => f.path !== ANSWERS_FILE);
  const current = await readCurrent(dir, [...plan.files, ...(plan.sharing?.files.map((f) => f.path) ?? []), ...(starter?.files ?? [])]);
  return { dir, detection, recorded, resolved, plan, rendered, writesAnswersFile: rendered.length < all.length, current, starter, existingApp, refuseStarter };
}

/**
 * GitHub reads .github/ only at the root of the repository: a workflow or dependabot.yml
 * written next to an app in a sub-folder would be silently ignored, so it is refused.
 */
function refuseGithubFilesBelowRoot(dir: string, a: Plan["answers"]): void {
  if (a.ci !== "github" && a.updateBot === "none") return;
  let up = dirname(dir);
  while (up !== dirname(up) && !existsSync(join(up, ".git"))) up = dirname(up);
  if (existsSync(join(dir, ".git")) || !existsSync(join(up, ".git"))) return;
  const flags = [a.ci === "github" ? "--ci github" : null, a.updateBot !== "none" ? `--update-bot ${a.updateBot}` : null].filter(Boolean).join(" and ");
  throw new UsageError(
    `${flags}: ${dir} is a sub-folder of the git repository at ${up}, and GitHub reads .github/ and renovate.json only at the repository root; this version writes them next to the app only.\n` +
      "fix: run docker-scaffold at the repository root, or leave them out (--set ci=none --set updateBot=none) and add the workflow at the root by hand",
  );
}

/** Resolve; an invalid answer that came from .docker-scaffold.yml says so in its fix. */
function resolveRecordedAware(layers: AnswerLayer[], context: Parameters<typeof resolveAnswers>[1]): ResolvedAnswers {
  try {
    return resolveAnswers(layers, context);
  } catch (err) {
    if (!(err instanceof AnswersError)) throw err;
    const { sources } = mergeLayers(layers);
    const fromFile = (key: string) => sources[key.split(".")[0] as keyof typeof sources] === "recorded";
    if (!err.problems.some((p) => fromFile(p.key))) throw err;
    const problems = err.problems.map((p) => (fromFile(p.key) ? { ...p, message: `${p.message} (answers.${p.key} in ${ANSWERS_FILE})`, fix: `correct answers.${p.key} in ${ANSWERS_FILE}, or ${p.fix}` } : p));
    throw new AnswersError(problems, err.message.split("\n")[0]);
  }
}

/** Detect the app; several apps need --app (or, interactively, a choice). */
async function detectApp(root: string, options: PrepareOptions): Promise<{ detection: Detection; app: string | undefined; all?: string[] }> {
  const detection = await detectProject(root, { app: options.app });
  if (options.app !== undefined || detection.apps.length <= 1) return { detection, app: options.app };
  const all = detection.apps.map((a) => a.path);
  if (options.prompter) {
    const app = await options.prompter.select({
      name: "app",
      message: "This repository has several apps. Which one?",
      choices: [{ value: ALL_APPS, name: `all of them (${all.join(", ")}): a Dockerfile in each folder, one compose file here` }, ...detection.apps.map((a) => ({ value: a.path, name: `${a.path} (${a.language})` }))],
      default: ALL_APPS,
    });
    if (app === ALL_APPS) return { detection, app: undefined, all };
    return { detection: await detectProject(root, { app }), app };
  }
  // Without a terminal: every app, one compose file (issue 6); --app <path> picks one.
  return { detection, app: undefined, all };
}

/** The choice "all of them" when a repository has several apps (not a folder name: it has a space). */
const ALL_APPS = "* all";

/** Detected values as an answer layer: only what detection could justify (never null). */
export function detectedAnswers(d: Detection): PartialAnswers {
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
export function ownsWholeFile(text: string | null): boolean {
  if (text === null) return true;
  try {
    const block = findBlock(text);
    return block !== null && block.before.trim() === "" && block.after.trim() === "";
  } catch {
    return false;
  }
}
