// Resolving answers: layers in precedence order (flags, preset, recorded answers,
// detection, then defaults: DESIGN.md `--yes`), merged key by key, each value
// remembering where it came from. Pure: no fs, no env.
import { AnswersError, type AnswerProblem } from "../errors.js";
import {
  ANSWER_FLAGS,
  DEFAULT_CI_IMAGE,
  FRAMEWORKS,
  LANGUAGES,
  type Answers,
  type Language,
  type PartialAnswers,
  type Security,
} from "./answers.js";
import { DEFAULT_SECURITY, LANGUAGE_DEFAULTS, defaultUid } from "./defaults.js";
import type { StackHints } from "./hints.js";
import { defaultBuildCommand, defaultStartCommand } from "./start-commands.js";
import { Problems, toArgv, validateAnswers } from "./validate.js";

export interface AnswerLayer {
  /** Where the values come from: "flag", "preset:python-flask", "recorded", "detected", "answered" (changed in a prompt), "confirmed" (a pre-filled value accepted). */
  source: string;
  /** True when the user set these values (flags, --set, --answers, prompts): recorded as such. */
  explicit: boolean;
  answers: PartialAnswers;
}

export interface ResolveContext {
  dirName: string;
  /** Facts from detection that shape the conventional commands. */
  hints?: StackHints;
}

export type Sources = Partial<Record<keyof Answers, string>>;

export interface ResolvedAnswers {
  answers: Answers;
  /** Where each answer came from ("default" when no layer had it). */
  sources: Sources;
  /** The answers that explicit layers set, as given (for .docker-scaffold.yml). */
  explicit: PartialAnswers;
}

/** Merge layers: the first layer that has a key wins; `security` merges key by key. */
export function mergeLayers(layers: readonly AnswerLayer[]): { merged: PartialAnswers; sources: Sources; explicit: PartialAnswers } {
  const merged: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  const explicit: Record<string, unknown> = {};
  const security: Record<string, unknown> = {};
  const explicitSecurity: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer.answers)) {
      if (value === undefined) continue;
      if (key === "security" && value && typeof value === "object" && !Array.isArray(value)) {
        for (const [sk, sv] of Object.entries(value)) {
          if (sv === undefined || sk in security) continue;
          security[sk] = sv;
          if (layer.explicit) explicitSecurity[sk] = sv;
          sources.security ??= layer.source;
        }
        continue;
      }
      if (key in merged) continue;
      merged[key] = value;
      sources[key] = layer.source;
      if (layer.explicit) explicit[key] = value;
    }
  }
  if (Object.keys(security).length) merged.security = security;
  if (Object.keys(explicitSecurity).length) explicit.security = explicitSecurity;
  return { merged: merged as PartialAnswers, sources: sources as Sources, explicit: explicit as PartialAnswers };
}

/** Answers that have no usable default: asked interactively, required with --yes. */
export function missingRequired(merged: PartialAnswers): (keyof Answers)[] {
  const missing: (keyof Answers)[] = [];
  if (merged.language === undefined) missing.push("language");
  if (merged.framework === undefined) missing.push("framework");
  const lang = merged.language as Language;
  const framework = merged.framework;
  // Only a framework of that language can lack a start command; another one is reported as invalid.
  if (merged.startCommand === undefined && typeof lang === "string" && (LANGUAGES as readonly string[]).includes(lang) && FRAMEWORKS[lang].includes(String(framework))) {
    const start = defaultStartCommand({ language: lang, framework: String(framework), packageManager: "", port: 0 });
    if (start === null) missing.push("startCommand");
  }
  return missing;
}

function coerceNumber(value: unknown): unknown {
  return typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
}

/** Fill defaults, coerce, validate. Throws AnswersError listing every problem. */
export function completeAnswers(
  merged: PartialAnswers,
  sources: Sources,
  context: ResolveContext,
): { answers: Answers; sources: Sources } {
  const missing = missingRequired(merged);
  const missingProblems: AnswerProblem[] = missing.map((key) => ({
    key,
    message: key === "startCommand" ? "has no default for this framework" : "is required and was not given",
    fix: `pass ${ANSWER_FLAGS[key]} (or choose a --preset; list them with \`docker-scaffold presets\`)`,
  }));
  const out: Record<string, unknown> = { ...merged };
  const src: Record<string, string> = { ...sources };
  const setDefault = (key: keyof Answers, value: unknown) => {
    if (out[key] === undefined) {
      out[key] = value;
      src[key] = "default";
    }
  };
  const lang = merged.language as Language;
  const langDefaults = LANGUAGE_DEFAULTS[lang];
  if (langDefaults) {
    setDefault("packageManager", langDefaults.packageManager);
    setDefault("runtimeVersion", langDefaults.runtimeVersion);
    setDefault("port", langDefaults.port);
    setDefault("healthPath", langDefaults.healthPath);
  }
  out.port = coerceNumber(out.port);
  out.uid = coerceNumber(out.uid);
  out.gid = coerceNumber(out.gid);
  if (typeof out.runtimeVersion === "number") out.runtimeVersion = String(out.runtimeVersion);
  setDefault("base", lang === "go" || lang === "rust" ? "distroless" : "slim");
  setDefault("uid", defaultUid(out.base as Answers["base"]));
  setDefault("gid", out.uid);
  setDefault("name", sanitizeName(context.dirName));
  setDefault("services", []);
  // `--services postgres,redis` and `--set services=postgres,redis` give a comma-separated string.
  if (typeof out.services === "string") out.services = out.services.split(",").map((s) => s.trim()).filter(Boolean);
  setDefault("buildCommand", null);
  setDefault("ci", "none");
  setDefault("image", DEFAULT_CI_IMAGE);
  setDefault("pinDigests", false);
  setDefault("updateBot", "none");
  setDefault("dev", false);
  setDefault("buildSecrets", false);
  out.security = { ...DEFAULT_SECURITY, ...((merged.security as Partial<Security>) ?? {}) };
  if (typeof out.security === "object" && (out.security as Security).cpus !== undefined) {
    (out.security as Record<string, unknown>).cpus = coerceNumber((out.security as Security).cpus);
    (out.security as Record<string, unknown>).pids = coerceNumber((out.security as Security).pids);
  }
  const stackKey = { language: lang, framework: String(out.framework), packageManager: String(out.packageManager), port: Number(out.port) };
  setDefault("startCommand", defaultStartCommand(stackKey, context.hints));
  if (merged.buildCommand === undefined) {
    out.buildCommand = defaultBuildCommand(stackKey, context.hints);
  }
  // Commands are normalised to argv here so everything downstream sees lists.
  const problems = new Problems();
  // No start command only when it is missing or the framework is invalid: both reported already.
  const start = out.startCommand === null && merged.startCommand === undefined ? null : toArgv("startCommand", out.startCommand, problems);
  const build = out.buildCommand === null ? null : toArgv("buildCommand", out.buildCommand, problems);
  const answers = out as unknown as Answers;
  // Every problem together: a missing answer does not hide the others. A key that has no
  // value only because the language (its defaults) is unknown is not a problem of its own.
  const invalid = validateAnswers({ ...answers, startCommand: start ?? ["x"], buildCommand: build }).filter(
    (p) => !(missing as string[]).includes(p.key) && out[p.key.split(".")[0]!] !== undefined,
  );
  const all = [...missingProblems, ...problems.list, ...invalid];
  if (all.length === missingProblems.length && all.length) throw new AnswersError(all, "Missing answers (non-interactive mode cannot ask for them):");
  if (all.length) throw new AnswersError(all);
  answers.startCommand = start!;
  answers.buildCommand = build;
  return { answers, sources: src as Sources };
}

/** A directory name as an image name: lower case, [a-z0-9._-], starting alphanumeric. */
export function sanitizeName(dirName: string): string {
  const name = dirName.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[^a-z0-9]+/, "").replace(/[-.]+$/, "").slice(0, 63);
  return name || "app";
}

export function resolveAnswers(layers: readonly AnswerLayer[], context: ResolveContext): ResolvedAnswers {
  const { merged, sources, explicit } = mergeLayers(layers);
  const { answers, sources: allSources } = completeAnswers(merged, sources, context);
  return { answers, sources: allSources, explicit };
}
