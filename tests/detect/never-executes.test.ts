// Detection reads files; it never runs the project's code or its package managers.
// The fixture's scripts, setup.py, conftest.py, manage.py, gunicorn.conf.py, next.config.js
// and go:generate line would each leave a MARKER-* file if anything executed them.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";

// Any process spawned during detection fails the test.
vi.mock("node:child_process", () => {
  const refuse = () => {
    throw new Error("detection must not spawn processes");
  };
  return { spawn: refuse, spawnSync: refuse, exec: refuse, execSync: refuse, execFile: refuse, execFileSync: refuse, fork: refuse, default: {} };
});

const { detectProject } = await import("../../src/detect/index.js");
const REPO = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "never-executes-project-code", "repo");
const markers = () => readdirSync(REPO).filter((name) => name.startsWith("MARKER"));

describe("detection never executes project code", () => {
  it("leaves no marker file behind", async () => {
    expect(markers()).toEqual([]);
    const detection = await detectProject(REPO);
    expect(detection.answers.language).toBe("node");
    expect(detection.answers.startCommand).toEqual(["node", "index.js"]);
    expect(markers()).toEqual([]);
  });
});
