// schemas/manifest.schema.json is MANIFEST_SCHEMA (src/packs/manifest.ts) as editors get it,
// and every built-in preset and the example team pack pass it.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { MANIFEST_SCHEMA, checkManifest } from "../../src/packs/manifest.js";
import { BUILTIN_PRESET_DIR } from "../../src/presets/builtin-dir.js";

const ROOT = join(__dirname, "..", "..");

describe("the manifest schema", () => {
  it("schemas/manifest.schema.json is MANIFEST_SCHEMA", () => {
    const file = JSON.parse(readFileSync(join(ROOT, "schemas", "manifest.schema.json"), "utf8")) as Record<string, unknown>;
    const { $schema: _s, title: _t, ...rest } = file;
    expect(rest).toEqual(JSON.parse(JSON.stringify(MANIFEST_SCHEMA)));
  });

  it("accepts every built-in preset and every manifest of the example team pack", () => {
    for (const f of readdirSync(BUILTIN_PRESET_DIR)) {
      expect(checkManifest(parse(readFileSync(join(BUILTIN_PRESET_DIR, f), "utf8")), f, "Preset").kind).toBe("Preset");
    }
    const example = join(ROOT, "examples", "team-pack");
    for (const f of readdirSync(join(example, "presets"))) expect(checkManifest(parse(readFileSync(join(example, "presets", f), "utf8")), f, "Preset").kind).toBe("Preset");
    expect(checkManifest(parse(readFileSync(join(example, "pack", "pack.yaml"), "utf8")), "pack.yaml", "TemplatePack")).toMatchObject({ name: "acme", images: { registry: "registry.acme.example/hub" } });
  });
});
