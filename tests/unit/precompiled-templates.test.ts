// The templates precompiled by the build (src/render/precompile.ts) render every golden
// case byte for byte, and a template edited after the build is compiled from its source
// instead of served stale.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, useTemplates, type Precompiled } from "../../src/render/engine.js";
import { precompiledModule } from "../../src/render/precompile.js";
import { goldenCases } from "../golden/golden-cases.js";
import { renderCase } from "../golden/render-case.js";
import { tempDir } from "../helpers/tmp.js";

/** What `npm run build` writes, loaded the way the engine loads it. */
function buildPrecompiled(): Precompiled {
  const file = join(tempDir("precompiled-"), "templates.precompiled.cjs");
  writeFileSync(file, precompiledModule());
  return createRequire(import.meta.url)(file) as Precompiled;
}

describe("precompiled templates", () => {
  const precompiled = buildPrecompiled();

  it("cover every template and partial", () => {
    expect(Object.keys(precompiled)).toContain("python/Dockerfile.hbs");
    expect(Object.keys(precompiled)).toContain("_partials/header.hbs");
  });

  describe("render every golden case as reviewed", () => {
    beforeAll(() => useTemplates(precompiled));
    afterAll(() => useTemplates({}));
    it.each(goldenCases().map((c) => [c.name, c]))("%s", async (_name, c) => {
      const files = await renderCase(c);
      for (const [path, content] of Object.entries(files)) {
        expect(content, `${c.name}/${path}`).toBe(readFileSync(join(c.dir, "expected", path), "utf8"));
      }
    });
  });

  it("compile a template whose source changed since the build instead of using its stale spec", () => {
    const name = "common/env.example.hbs";
    // The stale entry renders something else entirely; the hash no longer matches the source.
    const stale: Precompiled = { ...precompiled, [name]: { hash: "0000000000000000", spec: precompiled["common/dockerignore.hbs"]!.spec } };
    const view = { env: [] };
    expect(createEngine(stale)(name, view)).toBe(createEngine({})(name, view));
  });
});
