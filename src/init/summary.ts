// Text shown to people: the answer summary before confirming, file statuses, evidence
// (diffs are in diffs.ts, loaded only when one is shown).
import { ANSWER_KEYS, APP_ANSWER_KEYS, type Answers } from "../model/answers.js";
import { joinCommand } from "../model/command.js";
import type { Detection } from "../detect/index.js";
import type { Sources } from "../model/resolve.js";
import type { FileDecision } from "../write/decide.js";

function show(key: keyof Answers, a: Answers): string {
  const v = a[key];
  if (key === "startCommand" || key === "buildCommand") return v === null ? "(none)" : joinCommand(v as string[]);
  if (key === "security") {
    const s = a.security;
    return `readOnly=${s.readOnly} dropCapabilities=${s.dropCapabilities} noNewPrivileges=${s.noNewPrivileges} bind=${s.bindAddress} memory=${s.memory} cpus=${s.cpus} pids=${s.pids}`;
  }
  if (key === "services") return a.services.length ? a.services.join(", ") : "(none)";
  return v === null ? "(none: TCP probe)" : String(v);
}

export function formatAnswers(a: Answers, sources: Sources): string {
  const width = Math.max(...ANSWER_KEYS.map((k) => k.length));
  return ANSWER_KEYS.map((k) => `  ${k.padEnd(width)}  ${show(k, a)}  [${sources[k] ?? "default"}]`).join("\n");
}

export function formatStatuses(decisions: readonly FileDecision[]): string {
  return decisions.map((d) => `  ${d.status.toUpperCase().padEnd(9)} ${d.path}`).join("\n");
}

/** The evidence table of `init --explain` and `detect`: each key, its value, and why. */
export function formatEvidence(d: Detection): string {
  const lines = ["Detected (the file and the reason for each value):"];
  const keys = [...APP_ANSWER_KEYS.filter((k) => !["uid", "gid", "base", "security"].includes(k)), ...Object.keys(d.extra)];
  for (const key of keys) {
    const value = key in d.answers ? d.answers[key as keyof typeof d.answers] : d.extra[key];
    lines.push(`  ${key}: ${value === null || value === undefined ? "unknown" : JSON.stringify(value)}`);
    for (const e of d.evidence[key] ?? []) lines.push(`      ${e}`);
  }
  if (d.env.length) lines.push(`  env: ${d.env.map((v) => v.name).join(", ")}`);
  if (d.apps.length > 1) lines.push(`  apps: ${d.apps.map((a) => `${a.path} (${a.language})`).join(", ")}`);
  for (const p of d.problems) lines.push(`  problem: ${p}`);
  return lines.join("\n");
}
