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
  policy: { locked: string[]; allowedRegistries: string[] };
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
    policy: { allowedRegistries: policy.allowedRegistries ?? [] },
  };
}
