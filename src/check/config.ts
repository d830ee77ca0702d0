// The `check:` section of .docker-scaffold.yml: disable/enable rules, change severities.
import { parse } from "yaml";
import { UsageError } from "../errors.js";
import { ruleMeta, RULES } from "./meta.js";
import { parseSeverity } from "./severity.js";
import type { CheckConfig, Severity } from "./types.js";

export const CONFIG_FILE = ".docker-scaffold.yml";

/** Read the `check:` section from the text of .docker-scaffold.yml (absent -> empty config). */
export function configFromYaml(text: string, where = CONFIG_FILE): CheckConfig {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new UsageError(`${where}: not valid YAML (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== "object" || Array.isArray(doc)) throw new UsageError(`${where}: expected a mapping at the top level`);
  const section = (doc as Record<string, unknown>).check;
  if (section === undefined || section === null) return {};
  return validateConfig(section, `${where} check`);
}

/** Check a config object (from the file or from a library caller); throws UsageError. */
export function validateConfig(raw: unknown, where = "check config"): CheckConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new UsageError(`${where}: expected a mapping with disable:, enable:, severity:`);
  const r = raw as Record<string, unknown>;
  const known = new Set(["disable", "enable", "severity", "registries"]);
  for (const key of Object.keys(r)) if (!known.has(key)) throw new UsageError(`${where}: unknown key "${key}" (known: ${[...known].join(", ")})`);
  const config: CheckConfig = {};
  if (r.disable !== undefined) config.disable = ruleList(r.disable, `${where}.disable`);
  if (r.enable !== undefined) config.enable = ruleList(r.enable, `${where}.enable`);
  if (r.registries !== undefined) {
    if (!Array.isArray(r.registries) || !r.registries.every((x) => typeof x === "string")) throw new UsageError(`${where}.registries: expected a list of registry hosts`);
    config.registries = r.registries as string[];
  }
  if (r.severity !== undefined) {
    if (typeof r.severity !== "object" || r.severity === null || Array.isArray(r.severity)) throw new UsageError(`${where}.severity: expected RULE: level pairs`);
    const out: Record<string, Severity> = {};
    for (const [id, level] of Object.entries(r.severity)) out[knownRule(id, `${where}.severity`)] = parseSeverity(level, `${where}.severity.${id}`);
    config.severity = out;
  }
  return config;
}

function ruleList(value: unknown, where: string): string[] {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list)) throw new UsageError(`${where}: expected a list of rule ids`);
  return list.map((id) => knownRule(String(id), where));
}

export function knownRule(id: string, where: string): string {
  const meta = ruleMeta(id);
  if (meta) return meta.id;
  const near = RULES.map((r) => r.id).filter((r) => r.includes(id.toUpperCase().split("-").slice(-1)[0] ?? "")).slice(0, 3);
  throw new UsageError(`${where}: unknown rule "${id}"${near.length ? ` (did you mean ${near.join(", ")}?)` : ""}; see docker-scaffold check --explain`);
}
