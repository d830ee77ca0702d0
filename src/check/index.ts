// The check library's public API (issue 3). The CLI calls exactly this; the generator
// calls checkTexts on its in-memory output. Heavy parsers load only through this module.
export type { CheckConfig, CheckOptions, CheckResult, Finding, RefKey, Refs, RuleMeta, Severity, TargetKind, TextFile } from "./types.js";
export { SEVERITIES } from "./types.js";
export { checkPaths, discover } from "./discover.js";
export { checkTexts, checkTextsTimed, type Timing } from "./run.js";
export { formatText, type TextOptions } from "./report/text.js";
export { formatJson } from "./report/json.js";
export { formatSarif, type SarifOptions } from "./report/sarif.js";
export { explainRule, explainRuleOrThrow } from "./explain.js";
export { failsThreshold, parseSeverity, DEFAULT_THRESHOLD } from "./severity.js";
export { configFromYaml, validateConfig, CONFIG_FILE } from "./config.js";
export { RULES } from "./meta.js";
