// readRecorded: .docker-scaffold.yml read back, and a hand-edited one checked key by key
// (every problem in one error, exit 2, each with its key and a fix).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PresetError } from "../../src/errors.js";
import { isSafeRecordedPath, readRecorded } from "../../src/init/recorded.js";
import { tempDir } from "../helpers/tmp.js";

const SHA = "a".repeat(64);

async function read(text: string) {
  const dir = tempDir();
  writeFileSync(join(dir, ".docker-scaffold.yml"), text);
  return readRecorded(dir);
}

describe("readRecorded", () => {
  it("reads the preset, answers, only, files and keeps other top-level keys", async () => {
    const r = await read(
      [
        "apiVersion: docker-scaffold/v1",
        "kind: Answers",
        "generator: docker-scaffold@0.1.0",
        "preset: {name: python-flask, version: 1.0.0}",
        "answers: {port: 9000, runtimeVersion: 3.10}",
        "only: [Dockerfile, .docker-scaffold.yml]",
        `files: {Dockerfile: {strategy: lines, sha256: ${SHA}}, old/notes.md: {strategy: lines, sha256: ${SHA}}}`,
        "check: {severity: warning}",
      ].join("\n"),
    );
    expect(r).toEqual({
      preset: "python-flask",
      answers: { port: 9000, runtimeVersion: "3.10" },
      only: ["Dockerfile", ".docker-scaffold.yml"],
      files: { Dockerfile: { strategy: "lines", sha256: SHA }, "old/notes.md": { strategy: "lines", sha256: SHA } },
      digests: {},
      extra: { check: { severity: "warning" } },
      apps: null,
    });
  });

  it("several apps: apps: lists each folder with its own answers; a bad entry is reported with the others", async () => {
    const r = await read("answers: {services: [redis]}\napps:\n  - path: api\n    answers: {port: 8001}\n  - path: web\n");
    expect(r!.apps).toEqual([{ path: "api", answers: { port: 8001 } }, { path: "web", answers: {} }]);
    expect(r!.answers).toEqual({ services: ["redis"] });
    const bad = await read("apps:\n  - path: ../elsewhere\n  - path: api\n    answers: {colour: blue}\n").catch((e: unknown) => e as Error);
    expect(String(bad)).toContain("apps[0]");
    expect(String(bad)).toContain("apps[1].answers.colour");
  });

  it("a preset read from a file is found again by its recorded path", async () => {
    const r = await read("preset: {name: team-api, version: 1.1.0, source: ../presets/team.yaml}\n");
    expect(r!.preset).toBe("../presets/team.yaml");
  });

  it("no file is null; an empty one records nothing", async () => {
    expect(await readRecorded(tempDir())).toBeNull();
    expect(await read("")).toEqual({ preset: null, answers: {}, only: null, files: {}, digests: {}, extra: {}, apps: null });
  });

  it("a hand-edited file with invalid values: one PresetError (exit 2) naming each key and its problem", async () => {
    const err = await read(
      [
        "apiVersion: docker-scaffold/v9",
        "kind: Preset",
        "preset: 42",
        "answers: {port: 8000, colour: red}",
        "only: [Dockerfile, compose.yml]",
        "files:",
        "  Dockerfile: {strategy: zip, sha256: nope}",
        "  ../../etc/passwd: {strategy: lines, sha256: " + SHA + "}",
        "  Makefile: 7",
      ].join("\n"),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PresetError);
    expect((err as PresetError).exitCode).toBe(2);
    const message = (err as PresetError).message;
    expect(message).toMatch(/\.docker-scaffold\.yml is not valid:\n/);
    for (const line of [
      '  - apiVersion: "docker-scaffold/v9" is not docker-scaffold/v1',
      '  - kind: "Preset" is not Answers',
      "  - preset: 42 is not a preset name",
      "  - answers.colour: is not an answer key",
      '  - only: "compose.yml" is not a generated file',
      '  - files.Dockerfile.strategy: "zip" is not one of lines, compose, managed-block',
      '  - files.Dockerfile.sha256: "nope" is not a sha256 (64 lower-case hex digits)',
      "  - files.../../etc/passwd: is not a path inside this directory that docker-scaffold writes",
      "  - files.Makefile: 7 is not a mapping of strategy and sha256",
    ]) {
      expect(message).toContain(line);
    }
    expect(message.match(/\n    fix: /g)).toHaveLength(9);
  });

  it("only paths inside the directory, outside .git and the record itself, can be recorded (--prune deletes them)", () => {
    for (const p of ["Dockerfile", "deploy/compose.yml", ".dockerignore"]) expect(isSafeRecordedPath(p), p).toBe(true);
    for (const p of ["", "/etc/passwd", "../x", "a/../../x", "a//b", "./Dockerfile", "C:/x", "a\\b", ".git/config", ".docker-scaffold.yml", ".docker-scaffold/base/Dockerfile"]) {
      expect(isSafeRecordedPath(p), p).toBe(false);
    }
  });
  it("reads pinned digests, and refuses one that is not sha256 and 64 hex digits (exit 2)", async () => {
    const digest = `sha256:${"a".repeat(64)}`;
    expect((await read(`digests:\n  python:3.12-slim-bookworm: ${digest}\n`)).digests).toEqual({ "python:3.12-slim-bookworm": digest });
    await expect(read("digests:\n  python:3.12-slim-bookworm: latest\n")).rejects.toThrow(/digests\.python:3\.12-slim-bookworm: "latest" is not a digest/);
  });
});
