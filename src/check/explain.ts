// `check --explain <RULE>`: the rule, why it matters, the fix and the ids other tools use.
import { UsageError } from "../errors.js";
import { knownRule } from "./config.js";
import { ruleMeta } from "./meta.js";
import { REF_KEYS, type Refs } from "./types.js";

const REF_LABELS: Record<(typeof REF_KEYS)[number], string> = {
  hadolint: "hadolint",
  trivy: "Trivy",
  dockle: "Dockle",
  checkov: "Checkov",
  cis: "CIS Docker Benchmark v1.6",
  buildkit: "BuildKit check",
  owasp: "OWASP Docker cheat sheet",
  dclint: "dclint",
};

export function formatRefs(refs: Refs, sep = ", "): string {
  return REF_KEYS.filter((k) => refs[k]).map((k) => `${REF_LABELS[k]} ${refs[k]}`).join(sep);
}

/** The explanation of a rule, or undefined for an unknown id. */
export function explainRule(id: string): string | undefined {
  const r = ruleMeta(id.trim());
  if (!r) return undefined;
  const lines = [
    `${r.id}  (${r.severity}, ${r.target === "any" ? "any file" : r.target}${r.optIn ? ", opt-in: enable it under check.enable" : ""})`,
    r.title,
    "",
    `Why: ${r.why}`,
    `Fix: ${r.fix}`,
  ];
  const refs = formatRefs(r.refs, "\n  ");
  if (refs) lines.push("Same check elsewhere:", `  ${refs}`);
  lines.push("", `Suppress one finding with a comment on the line before: # docker-scaffold ignore=${r.id} <reason>`);
  return lines.join("\n") + "\n";
}

/** explainRule for the CLI: an unknown id is a usage error (exit 2). */
export function explainRuleOrThrow(id: string): string {
  const text = explainRule(id);
  if (text === undefined) knownRule(id, "check --explain");
  if (text === undefined) throw new UsageError(`check --explain: unknown rule "${id}"`);
  return text;
}
