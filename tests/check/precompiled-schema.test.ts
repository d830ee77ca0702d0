// The compose schema's validator that the build precompiles (ajv standalone code) accepts
// and rejects exactly what the validator compiled at run time does, and is not used once
// the schema has changed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadValidator, newAjv, readSchema } from "../../src/check/rules/compose/compose-schema.js";
import { precompiledValidatorModule } from "../../src/check/rules/compose/precompile-schema.js";
import { goldenCases } from "../golden/golden-cases.js";

// Inside the repository, so that the generated code's require("ajv/dist/runtime/...") resolves.
const cache = join(process.cwd(), "node_modules", ".cache");
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, "precompiled-schema-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeModule(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

// Documents to compare the two on (the schema accepts strings for many scalars, for interpolation).
const INVALID: unknown[] = [
  { services: { app: { image: "x", bogus: 1 } } },
  { services: { app: { image: "x", ports: [{ target: "not-a-number" }] } } },
  { services: { app: { image: "x", read_only: "yes please" } } },
  { version: 3, services: [] },
];

describe("the precompiled compose schema validator", () => {
  const built = loadValidator(writeModule("ok.cjs", precompiledValidatorModule()));
  const compiled = newAjv().compile(readSchema().schema);

  it("is the build's, for the schema it was made from", () => {
    expect((built as { schemaHash?: string }).schemaHash).toBe(readSchema().hash);
  });

  it("accepts every golden compose file, as the compiled one does", () => {
    const files = goldenCases().flatMap((c) => {
      try {
        return [parse(readFileSync(join(c.dir, "expected", "docker-compose.yml"), "utf8")) as unknown];
      } catch {
        return [];
      }
    });
    expect(files.length).toBeGreaterThan(3);
    for (const doc of files) expect([built(doc), compiled(doc)]).toEqual([true, true]);
  });

  it("gives the same verdict and errors on other documents", () => {
    expect(built(INVALID[0])).toBe(false);
    for (const doc of INVALID) {
      expect(built(doc)).toBe(compiled(doc));
      expect(built.errors).toEqual(compiled.errors);
    }
  });

  it("is ignored when the schema changed after the build (compiled instead)", () => {
    const stale = precompiledValidatorModule().replace(/module\.exports\.schemaHash = "[0-9a-f]+";/, 'module.exports.schemaHash = "0000000000000000";');
    const validate = loadValidator(writeModule("stale.cjs", stale));
    expect((validate as { schemaHash?: string }).schemaHash).toBeUndefined();
    expect(validate(INVALID[0])).toBe(false);
  });
});
