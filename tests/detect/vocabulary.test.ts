// Every non-null value detection returns must be usable as an answer as it is
// (DESIGN.md, "Answers"): checked over every fixture.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FRAMEWORKS, LANGUAGES, PACKAGE_MANAGERS, type Language } from "../../src/model/answers.js";
import { detectProject } from "../../src/detect/index.js";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
const names = readdirSync(FIXTURES).filter((name) => existsSync(path.join(FIXTURES, name, "repo"))).sort();

describe("detected values fit the answer vocabulary", () => {
  it.each(names)("%s", async (name) => {
    const optionsFile = path.join(FIXTURES, name, "options.json");
    const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, "utf8")) as { app?: string }) : {};
    const { answers: a, env, evidence } = await detectProject(path.join(FIXTURES, name, "repo"), options);
    if (a.language !== null) expect(LANGUAGES).toContain(a.language);
    const language = a.language as Language | null;
    if (a.framework !== null) expect(language && FRAMEWORKS[language]).toContain(a.framework);
    if (a.packageManager !== null) expect(language && PACKAGE_MANAGERS[language]).toContain(a.packageManager);
    if (a.runtimeVersion !== null) expect(a.runtimeVersion).toMatch(language === "node" || language === "java" ? /^\d+$/ : /^\d+\.\d+$/);
    if (a.port !== null) {
      expect(Number.isInteger(a.port)).toBe(true);
      expect(a.port).toBeGreaterThanOrEqual(1024);
      expect(a.port).toBeLessThanOrEqual(65535);
    }
    for (const command of [a.startCommand, a.buildCommand]) {
      if (command === null) continue;
      expect(command.length).toBeGreaterThan(0);
      for (const word of command) expect(word).toMatch(/^[^\n"'$`]+$/);
    }
    if (a.healthPath !== null) expect(a.healthPath).toMatch(/^\/[A-Za-z0-9._~\/-]*$/);
    if (a.name !== null) expect(a.name).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
    if (a.services !== null) for (const service of a.services) expect(["postgres", "redis"]).toContain(service);
    expect([a.uid, a.gid, a.base, a.security]).toEqual([null, null, null, null]);
    for (const v of env) {
      expect(v.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(v.sources.length).toBeGreaterThan(0);
      if (v.secret) expect(v.default).toBeUndefined();
    }
    // Every answer key says why it is what it is.
    for (const key of Object.keys(a)) expect(evidence[key]?.length ?? 0).toBeGreaterThan(0);
  });
});
