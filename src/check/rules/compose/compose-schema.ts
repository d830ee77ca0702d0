// The Compose Specification schema (schemas/) as a validate function. `npm run build`
// precompiles it with ajv's standalone code generation (precompile-schema.ts), so `check`
// neither loads ajv nor compiles the schema (about 150 ms of a 500 ms run, bench/README.md);
// from src/, or when the schema changed after the build, it is compiled here as before.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { BUILD_DIR, PACKAGE_ROOT } from "../../../package-root.js";
import type { Ajv as AjvClass, Options, ValidateFunction } from "ajv";

export const SCHEMA_FILE = join(PACKAGE_ROOT, "schemas", "compose-spec.schema.json");
/** Written by the build (precompile-schema.ts). */
export const PRECOMPILED_VALIDATOR = join(BUILD_DIR, "check", "rules", "compose", "compose-schema.validate.cjs");
// code.optimize off: compiling drops from ~600 ms to ~150 ms; validating compose-sized data stays instant.
export const AJV_OPTIONS: Options = { allErrors: true, strict: false, allowUnionTypes: true, logger: false, code: { optimize: false } };

const require = createRequire(import.meta.url);

export function readSchema(): { text: string; hash: string; schema: Record<string, unknown> } {
  const text = readFileSync(SCHEMA_FILE, "utf8");
  const schema = JSON.parse(text) as Record<string, unknown>;
  delete schema.$schema;
  return { text, hash: createHash("sha256").update(text).digest("hex").slice(0, 16), schema };
}

export function newAjv(options: Options = AJV_OPTIONS): AjvClass {
  const { Ajv } = require("ajv") as typeof import("ajv");
  return new Ajv(options);
}

/** The build's validator while it was made from this schema; otherwise compiled now. */
export function loadValidator(precompiledPath = PRECOMPILED_VALIDATOR): ValidateFunction {
  const { hash, schema } = readSchema();
  try {
    const built = require(precompiledPath) as ValidateFunction & { schemaHash?: string };
    if (built.schemaHash === hash) return built;
  } catch {
    // Not built (running from src/): compile below.
  }
  return newAjv().compile(schema);
}
