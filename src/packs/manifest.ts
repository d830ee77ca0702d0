// The manifests of presets and template packs, checked against a JSON Schema (ajv, loaded
// only when a team preset or a pack is read). A preset is one YAML file; a template pack is
// a folder with pack.yaml and templates/ (the same layout as docker-scaffold's templates/).
import { createRequire } from "node:module";
import type { ErrorObject, ValidateFunction } from "ajv";
import { PresetError } from "../errors.js";
import { ANSWER_KEYS, SECURITY_KEYS, type PartialAnswers } from "../model/answers.js";

export const API_VERSION = "docker-scaffold/v1";

export interface PresetManifest {
  kind: "Preset";
  name: string;
  version: string;
  description: string;
  extends: string[];
  /** Template packs this preset applies (references). */
  templates: string[];
  answers: PartialAnswers;
  /** Values for the questions of template packs (`{{values.<name>}}` in their templates). */
  values: Record<string, PackValue>;
  policy: { locked: string[]; allowedRegistries: string[] };
}

export type PackValue = string | number | boolean;

/** A question a template pack asks; its answer is `{{values.<name>}}` in the pack's templates. */
export interface PackQuestion {
  name: string;
  message: string;
  type: "string" | "number" | "boolean" | "choice";
  /** For type choice. */
  choices: string[];
  default?: PackValue;
  /** For type string: a regular expression the whole value must match. */
  pattern?: string;
}

export interface PackManifest {
  kind: "TemplatePack";
  name: string;
  version: string;
  description: string;
  extends: string[];
  /** A registry (and path) put in front of every base image of the Dockerfile. */
  images: { registry: string | null };
  /** Files the pack adds to the target directory: path (in the target) <- source (in the pack; .hbs is rendered). */
  files: { path: string; source: string }[];
  questions: PackQuestion[];
  policy: { allowedRegistries: string[] };
}

const refList = { oneOf: [{ type: "string", minLength: 1 }, { type: "array", items: { type: "string", minLength: 1 } }] };
const registries = { type: "array", items: { type: "string", pattern: "^[a-z0-9][a-z0-9.:-]*(/[a-z0-9._-]+)*$" } };
const common = {
  apiVersion: { const: API_VERSION },
  name: { type: "string", pattern: "^[a-z0-9][a-z0-9._-]*$" },
  version: { type: "string", pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.+-]+)?$" },
  description: { type: "string" },
  extends: refList,
};
const VALUE_NAME = "^[a-z][A-Za-z0-9_]*$";
const scalar = { type: ["string", "number", "boolean"] };
const lockable = [...ANSWER_KEYS.filter((k) => k !== "security"), ...SECURITY_KEYS.map((k) => `security.${k}`), "security"];

/** The JSON Schema of both manifests (docs: README, "Team presets and template packs"). */
export const MANIFEST_SCHEMA = {
  $id: "https://docker-scaffold.dev/schemas/manifest.json",
  oneOf: [
    {
      type: "object",
      required: ["name"],
      additionalProperties: false,
      properties: {
        ...common,
        kind: { const: "Preset" },
        templates: refList,
        answers: { type: "object", propertyNames: { enum: [...ANSWER_KEYS] } },
        values: { type: "object", propertyNames: { pattern: VALUE_NAME }, additionalProperties: scalar },
        policy: {
          type: "object",
          additionalProperties: false,
          properties: { locked: { type: "array", items: { enum: lockable } }, allowedRegistries: registries },
        },
      },
    },
    {
      type: "object",
      required: ["apiVersion", "kind", "name", "version"],
      additionalProperties: false,
      properties: {
        ...common,
        kind: { const: "TemplatePack" },
        images: { type: "object", additionalProperties: false, properties: { registry: registries.items } },
        files: {
          type: "array",
          items: { type: "object", required: ["path", "source"], additionalProperties: false, properties: { path: { type: "string", minLength: 1 }, source: { type: "string", minLength: 1 } } },
        },
        questions: {
          type: "array",
          items: {
            type: "object",
            required: ["name", "message", "type"],
            additionalProperties: false,
            properties: {
              name: { type: "string", pattern: VALUE_NAME },
              message: { type: "string", minLength: 1 },
              type: { enum: ["string", "number", "boolean", "choice"] },
              choices: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
              default: scalar,
              pattern: { type: "string", minLength: 1 },
            },
          },
        },
        policy: { type: "object", additionalProperties: false, properties: { allowedRegistries: registries } },
      },
    },
  ],
} as const;

let validator: ValidateFunction | null = null;
const require = createRequire(import.meta.url);

function validate(doc: unknown): ErrorObject[] {
  if (!validator) {
    const { Ajv } = require("ajv") as typeof import("ajv");
    validator = new Ajv({ allErrors: true, strict: false }).compile(MANIFEST_SCHEMA);
  }
  return validator(doc) ? [] : (validator.errors ?? []);
}

const asList = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? (v as string[]) : [v as string]);

/** Check a parsed manifest; `expected` is the kind the reference asked for. */
export function checkManifest(doc: unknown, file: string, expected: "Preset" | "TemplatePack"): PresetManifest | PackManifest {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new PresetError(`${file}: not a manifest (a YAML mapping with apiVersion, kind, name, version).`);
  const d = { ...(doc as Record<string, unknown>) };
  // A preset file of the first releases has no kind: it is a preset.
  if (d.kind === undefined && expected === "Preset") d.kind = "Preset";
  if (d.kind !== "Preset" && d.kind !== "TemplatePack") throw new PresetError(`${file}: kind is ${JSON.stringify(d.kind)}; expected ${expected}.\nfix: write kind: ${expected}`);
  if (d.kind !== expected) {
    throw new PresetError(`${file} is a ${d.kind}, but a ${expected} is expected here.\nfix: ${expected === "Preset" ? "give a template pack with --template (or in a preset's templates:)" : "give a preset with --preset (or in extends: of a preset)"}`);
  }
  const errors = validate(d).filter((e) => !(e.keyword === "const" && e.instancePath === "/kind") && e.keyword !== "oneOf");
  // oneOf reports the errors of both branches: keep those of the branch of this kind.
  const branch = d.kind === "Preset" ? "#/oneOf/0" : "#/oneOf/1";
  const own = errors.filter((e) => e.schemaPath.startsWith(branch));
  if (own.length) {
    const lines = own.map((e) => {
      const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "(top level)";
      const extra = e.keyword === "additionalProperties" ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : e.keyword === "enum" || e.keyword === "propertyNames" ? ` (${JSON.stringify((e.params as { allowedValues?: unknown; propertyName?: unknown }).allowedValues ?? (e.params as { propertyName?: unknown }).propertyName)})` : "";
      return `  - ${at}: ${e.message}${extra}`;
    });
    throw new PresetError(`${file} is not a valid ${d.kind} manifest:\n${[...new Set(lines)].join("\n")}\nfix: see "Team presets and template packs" in the README for the fields`);
  }
  if (d.kind === "Preset") {
    const policy = (d.policy ?? {}) as { locked?: string[]; allowedRegistries?: string[] };
    return {
      kind: "Preset",
      name: d.name as string,
      version: typeof d.version === "string" ? d.version : "0.0.0",
      description: typeof d.description === "string" ? d.description : "",
      extends: asList(d.extends),
      templates: asList(d.templates),
      answers: (d.answers ?? {}) as PartialAnswers,
      values: (d.values ?? {}) as Record<string, PackValue>,
      policy: { locked: policy.locked ?? [], allowedRegistries: policy.allowedRegistries ?? [] },
    };
  }
  const policy = (d.policy ?? {}) as { allowedRegistries?: string[] };
  return {
    kind: "TemplatePack",
    name: d.name as string,
    version: d.version as string,
    description: typeof d.description === "string" ? d.description : "",
    extends: asList(d.extends),
    images: { registry: ((d.images ?? {}) as { registry?: string }).registry ?? null },
    files: (d.files ?? []) as { path: string; source: string }[],
    questions: checkQuestions((d.questions ?? []) as PackQuestion[], file),
    policy: { allowedRegistries: policy.allowedRegistries ?? [] },
  };
}

/** What the schema cannot say: choices for a choice, a pattern that compiles, a default that fits, each name once. */
function checkQuestions(questions: PackQuestion[], file: string): PackQuestion[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const q of questions) {
    const at = `questions.${q.name}`;
    if (seen.has(q.name)) problems.push(`  - ${at}: asked twice`);
    seen.add(q.name);
    if (q.type === "choice" && !q.choices?.length) problems.push(`  - ${at}: type choice needs choices: [...]`);
    if (q.type !== "choice" && q.choices) problems.push(`  - ${at}: choices are only for type choice`);
    if (q.pattern !== undefined) {
      if (q.type !== "string") problems.push(`  - ${at}: pattern is only for type string`);
      try {
        new RegExp(q.pattern);
      } catch (err) {
        problems.push(`  - ${at}: pattern does not compile (${(err as Error).message})`);
      }
    }
    if (q.default !== undefined) {
      try {
        coerceValue({ ...q, choices: q.choices ?? [] }, q.default);
      } catch (err) {
        problems.push(`  - ${at}: default ${(err as Error).message}`);
      }
    }
  }
  if (problems.length) throw new PresetError(`${file} is not a valid TemplatePack manifest:\n${problems.join("\n")}\nfix: see "Pack questions" in the README`);
  return questions.map((q) => ({ ...q, choices: q.choices ?? [] }));
}

/**
 * A value for a question, from YAML (typed) or the command line (a string), converted to the
 * question's type and checked. Throws an Error whose message says what is wrong.
 */
export function coerceValue(q: PackQuestion, raw: unknown): PackValue {
  switch (q.type) {
    case "number": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
      if (!Number.isFinite(n)) throw new Error(`${JSON.stringify(raw)} is not a number`);
      return n;
    }
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (raw === "true" || raw === "false") return raw === "true";
      throw new Error(`${JSON.stringify(raw)} is not true or false`);
    case "choice":
      if (typeof raw === "string" && q.choices.includes(raw)) return raw;
      throw new Error(`${JSON.stringify(raw)} is not one of ${q.choices.join(", ")}`);
    default: {
      if (typeof raw !== "string" && typeof raw !== "number") throw new Error(`${JSON.stringify(raw)} is not a string`);
      const v = String(raw);
      // A value must not break out of its line in a generated file (DESIGN.md, "Answers").
      if (/[\u0000-\u001f\u007f]/.test(v)) throw new Error(`${JSON.stringify(v)} contains a newline or another control character`);
      if (q.pattern !== undefined && !new RegExp(`^(?:${q.pattern})$`).test(v)) throw new Error(`${JSON.stringify(v)} does not match ${q.pattern}`);
      return v;
    }
  }
}
