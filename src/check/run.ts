// checkTexts: parse, run every enabled rule, then apply suppressions and config. Pure over text.
import { RULE_ERROR } from "./meta.js";
import { buildProject } from "./project.js";
import type { AnyRule, ParsedFile, RuleContext } from "./rule.js";
import { ALL_RULES } from "./rules/index.js";
import { compareSeverity } from "./severity.js";
import { isSuppressed, readSuppressions, type Suppressions } from "./suppress.js";
import type { CheckConfig, Finding, Hit, RuleMeta, TextFile } from "./types.js";

export interface Timing {
  file: string;
  ms: number;
}

export function checkTexts(files: readonly TextFile[], config: CheckConfig = {}): Finding[] {
  return checkTextsTimed(files, config).findings;
}

/** checkTexts, with the time spent on each file (parse + rules), for benchmarks. */
export function checkTextsTimed(files: readonly TextFile[], config: CheckConfig = {}): { findings: Finding[]; timings: Timing[] } {
  const t0 = performance.now();
  const project = buildProject(files);
  const parseMs = (performance.now() - t0) / Math.max(1, project.files.length);
  const rules = enabledRules(config);
  const raw: Finding[] = [];
  const timings: Timing[] = [];
  for (const f of project.failures) raw.push(toFinding(RULE_ERROR, { line: 1, message: `could not parse the file: ${String(f.error)}` }, f.file.path));
  for (const model of project.files) {
    const t = performance.now();
    const dir = project.dirs.get(model.file.dir);
    if (!dir) continue;
    const ctx: RuleContext = { dir, config };
    for (const rule of rules) {
      if (rule.on !== model.kind) continue;
      for (const hit of runRule(rule, model, ctx)) raw.push(toFinding(rule, hit, hit.file ?? model.file.path));
    }
    timings.push({ file: model.file.path, ms: parseMs + performance.now() - t });
  }
  const reported = new Map(project.files.filter((m) => !m.file.context).map((m) => [m.file.path, m]));
  const suppressions = new Map<string, Suppressions>();
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const f of raw) {
    const model = reported.get(f.file);
    if (!model && f.ruleId !== RULE_ERROR.id) continue;
    if (model) {
      let s = suppressions.get(f.file);
      if (!s) suppressions.set(f.file, (s = readSuppressions(model.file.lines)));
      if (isSuppressed(s, f.line, f.ruleId, f.refs.hadolint)) continue;
    }
    const level = config.severity?.[f.ruleId];
    if (level) f.severity = level;
    const key = `${f.file}\0${f.line}\0${f.ruleId}\0${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(f);
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || compareSeverity(a.severity, b.severity) || a.ruleId.localeCompare(b.ruleId));
  return { findings, timings: timings.filter((t) => reported.has(t.file)) };
}

export function enabledRules(config: CheckConfig): AnyRule[] {
  const disabled = new Set((config.disable ?? []).map((d) => d.toUpperCase()));
  const enabled = new Set((config.enable ?? []).map((d) => d.toUpperCase()));
  if (config.registries?.length) enabled.add("DF-BASE-TRUSTED-REGISTRY");
  return ALL_RULES.filter((r) => !disabled.has(r.id) && (!r.optIn || enabled.has(r.id)));
}

function runRule(rule: AnyRule, model: ParsedFile, ctx: RuleContext): Hit[] {
  try {
    return (rule.check as (m: ParsedFile, c: RuleContext) => Hit[])(model, ctx);
  } catch (err) {
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return [{ line: 1, message: `rule ${rule.id} failed: ${detail}`, fix: RULE_ERROR.fix }].map((h) => ({ ...h, file: model.file.path, ruleError: true }) as Hit);
  }
}

function toFinding(rule: RuleMeta, hit: Hit, file: string): Finding {
  const isError = (hit as Hit & { ruleError?: boolean }).ruleError === true;
  const meta = isError ? RULE_ERROR : rule;
  const finding: Finding = {
    ruleId: meta.id,
    severity: meta.severity,
    file,
    line: Math.max(1, Math.floor(hit.line || 1)),
    message: hit.message,
    fix: hit.fix ?? meta.fix,
    refs: { ...meta.refs },
  };
  if (hit.column !== undefined) finding.column = hit.column;
  return finding;
}
