// The package as npm publishes it (`npm pack`), installed under another project's
// node_modules and run through its .bin link: the executable is one bundle (src/bundle.ts)
// that finds templates/, presets/, schemas/ and the build's precompiled modules from the
// package root, wherever it is installed, and needs no other file of dist/.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILT_CLI, REPO_ROOT, assertBuilt, runBuilt } from "../helpers/built-cli.js";
import { readTree, tempDir } from "../helpers/tmp.js";

interface Packed {
  filename: string;
  files: { path: string }[];
}

let files: string[] = [];
let bin = "";

beforeAll(() => {
  assertBuilt();
  const root = tempDir("ds-pack-");
  const pack = spawnSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", root], { cwd: REPO_ROOT, encoding: "utf8" });
  expect(pack.status, pack.stderr).toBe(0);
  const [packed] = JSON.parse(pack.stdout) as Packed[];
  files = packed!.files.map((f) => f.path).sort();

  // A project that installed docker-scaffold: the tarball unpacked as node_modules/docker-scaffold,
  // its dependencies linked from this repository's node_modules, the bin linked as npm links it.
  const modules = join(root, "project", "node_modules");
  mkdirSync(join(modules, ".bin"), { recursive: true });
  const untar = spawnSync("tar", ["-xzf", join(root, packed!.filename), "-C", modules], { encoding: "utf8" });
  expect(untar.status, untar.stderr).toBe(0);
  renameSync(join(modules, "package"), join(modules, "docker-scaffold"));
  for (const name of readdirSync(join(REPO_ROOT, "node_modules"))) {
    if (!name.startsWith(".")) symlinkSync(join(REPO_ROOT, "node_modules", name), join(modules, name));
  }
  bin = join(modules, ".bin", "docker-scaffold");
  symlinkSync("../docker-scaffold/dist/cli/main.js", bin);
}, 120_000);

describe("the published package", () => {
  it("holds the bundled executable, the precompiled modules, templates, presets and the compose schema, and nothing else of dist/", () => {
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "dist/cli/main.js", "dist/render/templates.precompiled.cjs", "dist/check/rules/compose/compose-schema.validate.cjs", "templates/python/Dockerfile.hbs", "templates/_partials/labels.hbs", "presets/python-fastapi.yaml", "schemas/compose-spec.schema.json"]));
    expect(files.some((f) => f.startsWith("dist/cli/chunks/"))).toBe(true);
    expect(files.filter((f) => /^(src|tests|bench|examples|\.ci)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith("dist/") && !f.startsWith("dist/cli/chunks/") && !/^dist\/cli\/main\.js(\.map)?$/.test(f) && !f.endsWith(".cjs"))).toEqual([]);
  });

  it("runs from node_modules/.bin and writes what the repository's build writes", () => {
    const version = runBuilt(["--version"], tempDir(), { CI: "true" }, bin);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(version.stdout).toBe(runBuilt(["--version"], tempDir(), { CI: "true" }, BUILT_CLI).stdout);

    const installed = tempDir();
    const repo = tempDir();
    const args = ["init", "--preset", "python-fastapi", "--yes", "--starter", "--name", "demo"];
    const a = runBuilt(args, installed, { CI: "true" }, bin);
    expect(a.stderr).toBe("");
    expect(a.code).toBe(0);
    expect(runBuilt(args, repo, { CI: "true" }, BUILT_CLI).code).toBe(0);
    const tree = readTree(installed);
    expect(Object.keys(tree)).toEqual(expect.arrayContaining(["Dockerfile", "docker-compose.yml", "app/main.py"]));
    expect(tree).toEqual(readTree(repo));

    const presets = runBuilt(["presets"], installed, { CI: "true" }, bin);
    expect(presets.code).toBe(0);
    expect(presets.stdout).toContain("rust-axum");
  });

  it("renders with the precompiled templates and validates compose files with the precompiled schema, loading neither compiler", () => {
    const dir = tempDir();
    const env = { CI: "true", NODE_DEBUG: "module" };
    const init = runBuilt(["init", "--preset", "node-express", "--yes"], dir, env, bin);
    expect(init.code).toBe(0);
    expect(init.stderr).toContain("docker-scaffold/dist/render/templates.precompiled.cjs");
    expect(init.stderr).not.toMatch(/handlebars\/(lib\/index|dist\/cjs\/handlebars\.js|dist\/cjs\/handlebars\/compiler)/);

    writeFileSync(join(dir, "docker-compose.yml"), "services:\n  app:\n    image: x\n    bogus: 1\n");
    const check = runBuilt(["check", "docker-compose.yml", "--json"], dir, env, bin);
    expect(check.stderr).toContain("docker-scaffold/dist/check/rules/compose/compose-schema.validate.cjs");
    expect(check.stderr).not.toContain("ajv/dist/ajv.js");
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("CMP-SCHEMA-VALID");
    expect(check.stdout).toContain("bogus");
  });
});
