// renovate.json and .github/dependabot.yml (issue 9), validated against the schemas Renovate and
// SchemaStore publish (vendored copies: tests/unit/schemas/README.md says where each came from).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runInit } from "../../src/init/run-init.js";
import { tempDir } from "../helpers/tmp.js";
import { renderCaseArgs } from "../golden/render-case.js";

const SCHEMAS = join(import.meta.dirname, "schemas");
const compile = (file: string) => new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(join(SCHEMAS, file), "utf8")));
const renovateSchema = compile("renovate-schema.json");
const dependabotSchema = compile("dependabot-2.0.json");

async function render(args: string[]): Promise<Record<string, string>> {
  const result = await runInit({ dir: tempDir("bot-"), dryRun: true, ...renderCaseArgs([...args, "--yes", "--name", "app"]) });
  return Object.fromEntries(result.decisions.map((d) => [d.path, d.next]));
}

describe("renovate.json", () => {
  it("is valid against Renovate's schema and pins docker and action digests", async () => {
    const text = (await render(["--preset", "python-fastapi", "--ci", "github", "--update-bot", "renovate"]))["renovate.json"]!;
    const config = JSON.parse(text) as { extends: string[]; packageRules: { matchManagers: string[]; pinDigests?: boolean; enabled?: boolean }[] };
    expect(renovateSchema(config), JSON.stringify(renovateSchema.errors)).toBe(true);
    expect(config.extends).toEqual(expect.arrayContaining(["docker:pinDigests", "helpers:pinGitHubActionDigests"]));
    expect(config.packageRules).toContainEqual(expect.objectContaining({ matchManagers: ["dockerfile", "docker-compose"], pinDigests: true }));
    expect(config.packageRules).toContainEqual(expect.objectContaining({ matchManagers: ["github-actions"], pinDigests: true }));
    // The schema check can fail.
    expect(renovateSchema({ ...config, pinDigests: "yes" })).toBe(false);
  });
});

describe.each([
  ["python-fastapi", "pip"],
  ["node-express", "npm"],
  ["go-http", "gomod"],
])(".github/dependabot.yml for %s", (preset, ecosystem) => {
  it(`is valid against SchemaStore's dependabot-2.0 schema: docker, github-actions and ${ecosystem}`, async () => {
    const files = await render(["--preset", preset, "--ci", "github", "--update-bot", "dependabot"]);
    const config = parse(files[".github/dependabot.yml"]!) as { updates: { "package-ecosystem": string }[] };
    expect(dependabotSchema(config), JSON.stringify(dependabotSchema.errors)).toBe(true);
    expect(config.updates.map((u) => u["package-ecosystem"])).toEqual(["docker", "github-actions", ecosystem]);
    expect(files["renovate.json"]).toBeUndefined();
    expect(dependabotSchema({ ...config, updates: [{ "package-ecosystem": "docker" }] })).toBe(false);
  });
});

it("dependabot leaves github-actions out when there is no workflow; poetry and uv map to pip and uv", async () => {
  const poetry = parse((await render(["--preset", "python-flask", "--package-manager", "poetry", "--update-bot", "dependabot"]))[".github/dependabot.yml"]!) as { updates: { "package-ecosystem": string }[] };
  expect(poetry.updates.map((u) => u["package-ecosystem"])).toEqual(["docker", "pip"]);
  const uv = parse((await render(["--preset", "python-flask", "--package-manager", "uv", "--update-bot", "dependabot"]))[".github/dependabot.yml"]!) as { updates: { "package-ecosystem": string }[] };
  expect(uv.updates.map((u) => u["package-ecosystem"])).toEqual(["docker", "uv"]);
});
