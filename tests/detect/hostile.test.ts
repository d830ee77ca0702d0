// Hostile input: binary and huge files, symlink loops and escapes, unreadable files,
// FIFOs, deep and wide trees, and folders that must never be scanned. Each yields null
// plus evidence of the problem, never a crash or a hang.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createFsReader, detectProject, type FileReader } from "../../src/detect/index.js";

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), "detect-hostile-"));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

const EXPRESS_APP = JSON.stringify({ name: "app", scripts: { start: "node server.js" }, dependencies: { express: "^4" } });

describe("hostile input", () => {
  it("a binary package.json: language from the marker, everything read from it null, the problem in evidence", async () => {
    const root = tree({ "package.json": Buffer.from([0x7b, 0x00, 0x01, 0xff, 0x22]) });
    const d = await detectProject(root);
    expect(d.answers.language).toBe("node");
    expect(d.answers.framework).toBeNull();
    expect(d.answers.name).toBeNull();
    expect(d.problems.join("\n")).toMatch(/package\.json: binary file/);
    expect(d.evidence.framework?.join("\n")).toMatch(/binary file/);
  });

  it("a huge package.json is not read", async () => {
    const root = tree({ "package.json": `{"name":"big","x":"${"a".repeat(2 * 1024 * 1024)}"}` });
    const d = await detectProject(root);
    expect(d.answers.name).toBeNull();
    expect(d.problems.join("\n")).toMatch(/package\.json: larger than \d+ bytes/);
  });

  it("invalid JSON, TOML and YAML become problems, not crashes", async () => {
    const node = await detectProject(tree({ "package.json": "{ name: 'x', }" }));
    expect(node.answers.framework).toBeNull();
    expect(node.problems.join("\n")).toMatch(/invalid JSON/);
    const python = await detectProject(tree({ "pyproject.toml": "[project\nname = 1", "Pipfile": "[[[" }));
    expect(python.answers.language).toBe("python");
    expect(python.answers.packageManager).toBe("pipenv");
    expect(python.problems.join("\n")).toMatch(/pyproject\.toml: invalid TOML/);
    expect(python.problems.join("\n")).toMatch(/Pipfile: invalid TOML/);
    const yaml = await detectProject(tree({ "package.json": EXPRESS_APP, "pnpm-workspace.yaml": "packages: [\n", "server.js": "" }));
    expect(yaml.answers.framework).toBe("express");
    expect(yaml.problems.join("\n")).toMatch(/pnpm-workspace\.yaml: invalid YAML/);
  });

  it("YAML alias bombs are refused", async () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`), "packages: ['apps/*']"].join("\n");
    const d = await detectProject(tree({ "pnpm-workspace.yaml": bomb, "package.json": EXPRESS_APP, "server.js": "" }));
    expect(d.problems.join("\n")).toMatch(/pnpm-workspace\.yaml: invalid YAML/);
  });

  it("symlink loops and links out of the project are not followed", async () => {
    const outside = tree({ "secret.js": "process.env.OUTSIDE_SECRET; app.listen(6666)" });
    const root = tree({ "package.json": EXPRESS_APP, "server.js": "app.listen(process.env.PORT || 3000)" });
    symlinkSync(".", path.join(root, "loop"));
    mkdirSync(path.join(root, "a"));
    symlinkSync("../a", path.join(root, "a", "b"));
    symlinkSync(path.join(outside, "secret.js"), path.join(root, "linked.js"));
    symlinkSync(outside, path.join(root, "linked-dir"));
    symlinkSync("self.js", path.join(root, "self.js"));
    const d = await detectProject(root);
    expect(d.answers.port).toBe(3000);
    expect(d.env.map((v) => v.name)).not.toContain("OUTSIDE_SECRET");
    const reader = createFsReader(root);
    expect(await reader.readText("linked.js")).toBeNull();
    expect(reader.explain?.("linked.js")).toMatch(/outside the project/);
    expect(await reader.readText("self.js")).toBeNull();
    expect(reader.explain?.("self.js")).toMatch(/symlink loop/);
    expect(await reader.readText("../outside.js")).toBeNull();
    expect(await reader.readText("/etc/passwd")).toBeNull();
  });

  it("an unreadable file yields null with the reason", async () => {
    const root = tree({ "package.json": EXPRESS_APP, "server.js": "" });
    const files: FileReader = createFsReader(root);
    const unreadable: FileReader = {
      ...files,
      readText: async (rel, max) => (rel === "package.json" ? null : files.readText(rel, max)),
      explain: (rel) => (rel === "package.json" ? "permission denied" : files.explain?.(rel)),
    };
    const d = await detectProject(root, { reader: unreadable });
    expect(d.answers.language).toBe("node");
    expect(d.answers.framework).toBeNull();
    expect(d.problems).toContain("package.json: permission denied");
    if (process.getuid?.() !== 0) {
      chmodSync(path.join(root, "package.json"), 0o000);
      const real = await detectProject(root);
      expect(real.problems.join("\n")).toMatch(/package\.json: permission denied/);
    }
  });

  it("a FIFO named like a source file does not hang detection", async () => {
    const root = tree({ "package.json": EXPRESS_APP, "server.js": "app.listen(3000)" });
    try {
      execFileSync("mkfifo", [path.join(root, "index.js")]);
    } catch {
      return; // no mkfifo here
    }
    const d = await detectProject(root);
    expect(d.answers.port).toBe(3000);
  });

  it("never scans node_modules, .git, venv, dist, build or target", async () => {
    const root = tree({
      "package.json": EXPRESS_APP,
      "server.js": "app.listen(process.env.PORT || 3000)",
      "node_modules/express/index.js": "process.env.NM_VAR; app.listen(9999)",
      ".git/hooks/x.js": "process.env.GIT_VAR",
      "venv/lib/site.js": "process.env.VENV_VAR",
      "dist/server.js": "process.env.DIST_VAR; app.listen(7777)",
      "build/x.js": "process.env.BUILD_VAR",
      "target/x.js": "process.env.TARGET_VAR",
    });
    const d = await detectProject(root);
    expect(d.answers.port).toBe(3000);
    expect(d.env.map((v) => v.name)).toEqual(["PORT"]);
  });

  it("caps file count, depth and file size, and says so", async () => {
    const files: Record<string, string> = { "package.json": EXPRESS_APP, "server.js": "app.listen(3000)" };
    for (let i = 0; i < 700; i++) files[`src/gen/f${String(i).padStart(3, "0")}.js`] = `process.env.GEN_${i};`;
    const wide = await detectProject(tree(files));
    expect(wide.problems.join("\n")).toMatch(/more than 600 source files/);
    expect(wide.answers.port).toBe(3000);

    const deep = await detectProject(tree({
      "package.json": EXPRESS_APP,
      "server.js": "app.listen(3000)",
      [`${Array.from({ length: 12 }, (_, i) => `d${i}`).join("/")}/deep.js`]: "process.env.DEEP_VAR",
      "src/huge.js": `process.env.HUGE_VAR;${" ".repeat(600 * 1024)}`,
    }));
    const problems = deep.problems.join("\n");
    expect(problems).toMatch(/deeper than 8 folders/);
    expect(problems).toMatch(/src\/huge\.js: larger than/);
    expect(deep.env.map((v) => v.name)).not.toContain("DEEP_VAR");
    expect(deep.env.map((v) => v.name)).not.toContain("HUGE_VAR");
  });
});
