// CMP-SCHEMA-VALID: the file is YAML and validates against the Compose Specification schema
// (vendored in schemas/; precompiled by the build, or compiled once with ajv: compose-schema.ts).
import type { ErrorObject, ValidateFunction } from "ajv";
import type { ComposeModel } from "../../parse/compose.js";
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { loadValidator } from "./compose-schema.js";

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  validator ??= loadValidator();
  return validator;
}

export const cmpSchemaValid = defineRule({
  id: "CMP-SCHEMA-VALID",
  severity: "critical",
  target: "compose",
  on: "compose",
  title: "The compose file is valid YAML and validates against the Compose Specification schema",
  why: "Compose refuses an invalid file (or, for an unknown key, may ignore the hardening you meant to add).",
  fix: "Correct the key or value named in the message (see the Compose Specification).",
  refs: { dclint: "invalid-yaml, invalid-schema" },
  check(model) {
    if (model.errors.length) return model.errors.map((e) => ({ line: e.line, ...(e.column ? { column: e.column } : {}), message: `cannot parse the YAML: ${e.message}` }));
    if (!model.data) return [];
    const validate = compile();
    if (validate(model.data)) return [];
    return summarize(validate.errors ?? [], model).slice(0, 10);
  },
});

function summarize(errors: ErrorObject[], model: ComposeModel): Hit[] {
  const hits: Hit[] = [];
  const seen = new Set<string>();
  // oneOf/anyOf branches repeat the same place: keep the most specific message per path.
  for (const e of errors) {
    if (e.keyword === "oneOf" || e.keyword === "anyOf" || e.keyword === "if") continue;
    const path = e.instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
    const extra = e.keyword === "additionalProperties" ? String((e.params as { additionalProperty?: string }).additionalProperty) : undefined;
    const at = extra ? [...path, extra] : path;
    const key = at.join(".");
    if (seen.has(key)) continue;
    seen.add(key);
    const where = at.length ? at.join(".") : "the top level";
    const message = extra ? `${where}: unknown key` : `${where}: ${e.message ?? "invalid"}`;
    hits.push({ line: model.lineOf(...at.map((p) => (/^\d+$/.test(p) ? Number(p) : p))), message });
  }
  return hits;
}
