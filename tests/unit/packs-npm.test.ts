// Presets and template packs from npm (issue 8): a real package folder installed into a
// fixture's node_modules with `npm install <folder>` (offline), then the cache and an
// injected fetcher for what node_modules does not have (no registry in tests).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { runInit } from "../../src/init/run-init.js";
import type { NpmFetcher } from "../../src/packs/npm.js";
import { PresetError } from "../../src/errors.js";
import { runCliCaptured } from "../helpers/cli.js";
import { tempDir, writeTree } from "../helpers/tmp.js";

/** An npm package holding a preset collection and a pack, at this version. */
function packageFolder(version: string): string {
  const dir = tempDir("npm-pkg-");
  writeTree(dir, {
    "package.json": JSON.stringify({ name: "@acme/docker-standards", version, files: ["presets", "packs"] }, null, 2),
    "presets/node-api.yaml": `apiVersion: docker-scaffold/v1\nkind: Preset\nname: acme-node-api\nversion: ${version}\nextends: builtin:node-express\ntemplates: [../packs/labels]\nanswers:\n  port: 3100\n`,
    "packs/labels/pack.yaml": `apiVersion: docker-scaffold/v1\nkind: TemplatePack\nname: acme-labels\nversion: ${version}\n`,
    "packs/labels/templates/_partials/labels.hbs": `{{> builtin/labels}}\nLABEL com.acme.standards="${version}"\n`,
  });
  return dir;
}

function npmInstall(target: string, folder: string): void {
  execFileSync("npm", ["install", folder, "--install-links", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-save"], { cwd: target, stdio: "pipe" });
}

function fixture(): string {
  const target = tempDir("npm-target-");
  writeTree(target, { "package.json": JSON.stringify({ name: "svc", version: "1.0.0", private: true }) });
  return target;
}

/** A fetcher that "publishes" the given folders: npm pack of a local folder works offline. */
function fakeRegistry(folders: Record<string, string>): NpmFetcher & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    versions: (pkg) => {
      calls.push(`view ${pkg}`);
      return Object.keys(folders);
    },
    pack: (_pkg, version, dir) => {
      calls.push(`pack ${version}`);
      const out = execFileSync("npm", ["pack", folders[version]!, "--pack-destination", dir, "--json", "--ignore-scripts", "--offline"], { stdio: ["ignore", "pipe", "pipe"] }).toString();
      return join(dir, (JSON.parse(out) as { filename: string }[])[0]!.filename);
    },
  };
}

describe("presets and packs from npm", () => {
  let cache: string;
  beforeEach(() => {
    cache = tempDir("ds-cache-");
    vi.stubEnv("DOCKER_SCAFFOLD_CACHE_DIR", cache);
    vi.stubEnv("DOCKER_SCAFFOLD_CONFIG", join(tempDir(), "none.yaml"));
  });
  afterEach(() => vi.unstubAllEnvs());

  it("npm:<package>/<name> resolves from the target's node_modules (npm install <folder>) and records the version", async () => {
    const target = fixture();
    npmInstall(target, packageFolder("2.3.0"));
    expect(existsSync(join(target, "node_modules", "@acme", "docker-standards", "package.json"))).toBe(true);
    const run = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", "npm:@acme/docker-standards@^2/node-api"], target);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const dockerfile = readFileSync(join(target, "Dockerfile"), "utf8");
    expect(dockerfile).toContain("EXPOSE 3100");
    expect(dockerfile).toContain('org.opencontainers.image.licenses="${LICENSES}"\nLABEL com.acme.standards="2.3.0"\n');
    const rec = parse(readFileSync(join(target, ".docker-scaffold.yml"), "utf8")) as { preset: unknown; resolved: { name: string; npm?: string }[] };
    expect(rec.preset).toEqual({ name: "acme-node-api", version: "2.3.0", source: "npm:@acme/docker-standards@^2/node-api" });
    expect(rec.resolved.map((r) => [r.name, r.npm])).toEqual([
      ["acme-node-api", "2.3.0"],
      ["acme-labels", "2.3.0"],
    ]);
    // Nothing was fetched: the cache is untouched.
    expect(existsSync(join(cache, "npm"))).toBe(false);
  });

  it("a range node_modules does not satisfy is fetched (injected fetcher) into the cache; then --offline uses the cache", async () => {
    const target = fixture();
    npmInstall(target, packageFolder("2.3.0"));
    const registry = fakeRegistry({ "3.0.0": packageFolder("3.0.0"), "3.1.0": packageFolder("3.1.0"), "4.0.0": packageFolder("4.0.0") });
    const result = await runInit({ cwd: target, preset: "npm:@acme/docker-standards@^3/node-api", flags: {}, npm: registry });
    expect(registry.calls).toEqual(["view @acme/docker-standards", "pack 3.1.0"]);
    expect(result.plan.sharing?.resolved.map((r) => r.npm)).toEqual(["3.1.0", "3.1.0"]);
    expect(readFileSync(join(target, "Dockerfile"), "utf8")).toContain('com.acme.standards="3.1.0"');
    expect(existsSync(join(cache, "npm", "@acme+docker-standards", "3.1.0", "package.json"))).toBe(true);
    // Again, and offline: from the cache, no fetcher call.
    const offline = fixture();
    const none = fakeRegistry({});
    await runInit({ cwd: offline, preset: "npm:@acme/docker-standards@^3/node-api", flags: {}, npm: none, offline: true });
    expect(none.calls).toEqual([]);
    expect(readFileSync(join(offline, "Dockerfile"), "utf8")).toContain('com.acme.standards="3.1.0"');
    // Offline, a version neither installed nor cached.
    await expect(runInit({ cwd: fixture(), preset: "npm:@acme/docker-standards@^4/node-api", flags: {}, npm: none, offline: true })).rejects.toThrow(/neither in node_modules nor in the cache/);
  });

  it("the recorded npm version is used again even where node_modules has another one", async () => {
    const target = fixture();
    npmInstall(target, packageFolder("2.3.0"));
    await runInit({ cwd: target, preset: "npm:@acme/docker-standards/node-api", flags: {} });
    // The team releases 2.4.0 and the repository installs it; the recorded 2.3.0 is fetched.
    npmInstall(target, packageFolder("2.4.0"));
    const registry = fakeRegistry({ "2.3.0": packageFolder("2.3.0"), "2.4.0": packageFolder("2.4.0") });
    const again = await runInit({ cwd: target, flags: {}, npm: registry });
    expect(again.files.every((f) => f.status === "identical")).toBe(true);
    expect(registry.calls).toEqual(["view @acme/docker-standards", "pack 2.3.0"]);
    // --refresh moves to the installed one.
    const moved = await runInit({ cwd: target, flags: {}, npm: registry, refresh: true, force: true });
    expect(moved.plan.sharing?.resolved[0]?.npm).toBe("2.4.0");
  });

  it("an unknown package name after npm: and an npm: name that is not in the package are exit 2", async () => {
    const target = fixture();
    npmInstall(target, packageFolder("2.3.0"));
    const run = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", "npm:@acme/docker-standards/nope"], target);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no preset named "nope"');
    await expect(runInit({ cwd: target, preset: "npm:Bad_Name", flags: {} })).rejects.toThrow(PresetError);
  });

  it("a package copied (not installed) in a parent's node_modules is found by walking up", async () => {
    const parent = fixture();
    npmInstall(parent, packageFolder("2.3.0"));
    const app = join(parent, "apps", "api");
    mkdirSync(app, { recursive: true });
    cpSync(join(parent, "package.json"), join(app, "package.json"));
    const result = await runInit({ cwd: app, preset: "npm:@acme/docker-standards/node-api", flags: {} });
    expect(result.plan.sharing?.resolved[0]?.npm).toBe("2.3.0");
  });
});
