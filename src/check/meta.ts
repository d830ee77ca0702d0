// Rule metadata for reports and --explain, and the checker's own pseudo-rule.
import { ALL_RULES } from "./rules/index.js";
import type { RuleMeta } from "./types.js";

/** Reported when a rule throws on some input: a bug in check, never in the user's file. */
export const RULE_ERROR: RuleMeta = {
  id: "CHECK-RULE-ERROR",
  severity: "info",
  target: "any",
  title: "A rule failed on this file (a bug in docker-scaffold check)",
  why: "check keeps going when one rule fails, so the other findings are still reported; please report the message.",
  fix: "Report it at the docker-scaffold issue tracker with the file; disable the rule meanwhile.",
  refs: {},
};

function metaOf(rule: RuleMeta): RuleMeta {
  const { id, severity, target, title, why, fix, refs, optIn } = rule;
  return optIn ? { id, severity, target, title, why, fix, refs, optIn } : { id, severity, target, title, why, fix, refs };
}

export const RULES: readonly RuleMeta[] = [...ALL_RULES.map(metaOf), RULE_ERROR];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id.toUpperCase());
}
