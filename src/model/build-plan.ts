// buildPlan: resolved answers + options -> Plan. Pure; every input comes in as a value.
import { UsageError } from "../errors.js";
import { envEntries, type AppEnvVar } from "./env-entries.js";
import type { StackHints } from "./hints.js";
import { ALL_OUTPUT_FILES, OUTPUT_FILES, type OutputFile, type Plan } from "./plan.js";
import type { Answers } from "./answers.js";
import type { ResolvedAnswers } from "./resolve.js";
import type { StarterPlan } from "../starters/plan-starter.js";

export interface PlanInput {
  resolved: ResolvedAnswers;
  preset: { name: string; version: string; source?: string } | null;
  only?: readonly string[] | null;
  /** Target names an existing Makefile defines outside our managed block. */
  makefileTargets?: readonly string[];
  generator: { name: string; version: string };
  answersFileExtra?: Record<string, unknown>;
  hints?: StackHints;
  /** Variables the app reads (detection), documented in env.example and passed by compose. */
  appEnv?: readonly AppEnvVar[];
  /** A starter app to write too (its variables join appEnv). */
  starter?: StarterPlan | null;
}

/** `--only Dockerfile,.dockerignore` -> the output files, in their usual order. */
export function parseOnly(only: readonly string[]): OutputFile[] {
  const wanted = only.flatMap((o) => o.split(",")).map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((w) => !(ALL_OUTPUT_FILES as readonly string[]).includes(w));
  if (unknown.length || wanted.length === 0) {
    throw new UsageError(
      `--only: ${unknown.length ? `unknown file ${unknown.map((u) => JSON.stringify(u)).join(", ")}` : "no file named"}.\nfix: use a comma-separated list of ${ALL_OUTPUT_FILES.join(", ")}`,
    );
  }
  return ALL_OUTPUT_FILES.filter((f) => wanted.includes(f));
}

/** An optional output is written only when its answer asks for it; the others always. */
function wantedOptional(file: OutputFile, a: Answers): boolean {
  return file === "docker-compose.dev.yml" ? a.dev : (OUTPUT_FILES as readonly string[]).includes(file);
}

export function buildPlan(input: PlanInput): Plan {
  const only = input.only && input.only.length ? parseOnly(input.only) : null;
  if (only && input.starter) {
    throw new UsageError("--starter writes a runnable app with all of its Docker files, so it cannot be combined with --only (nor with `only:` in .docker-scaffold.yml).\nfix: drop --only, or scaffold without --starter");
  }
  return {
    generator: input.generator,
    answers: input.resolved.answers,
    sources: input.resolved.sources,
    explicit: input.resolved.explicit as Record<string, unknown>,
    preset: input.preset,
    files: (only ?? ALL_OUTPUT_FILES).filter((f) => wantedOptional(f, input.resolved.answers)),
    only,
    env: envEntries(input.resolved.answers, [...(input.appEnv ?? []), ...(input.starter?.env ?? [])]),
    hints: input.hints ?? {},
    makefileTargetsTaken: [...(input.makefileTargets ?? [])],
    answersFileExtra: input.answersFileExtra ?? {},
    starter: input.starter ?? null,
  };
}
