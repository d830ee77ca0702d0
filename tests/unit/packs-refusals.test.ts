// What a preset or template pack may not do, and the exit 2 that names the file and the
// problem: malformed manifests, extends cycles, missing partials, writes outside the target
// (../, absolute paths, symlinks), images from registries a policy does not allow.
import { mkdirSync, readFileSync, symlinkSync, existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runCliCaptured } from "../helpers/cli.js";
import { tempDir, writeTree } from "../helpers/tmp.js";
import { parseRef } from "../../src/packs/ref.js";
import { dockerfileImages, allowed, enforceLocks } from "../../src/packs/policy.js";

const PACK = (extra = "") => `apiVersion: docker-scaffold/v1\nkind: TemplatePack\nname: team\nversion: 1.0.0\n${extra}`;
const init = (cwd: string, ...args: string[]) => runCliCaptured(["init", "--yes", "--no-detect", "--preset", "python-fastapi", ...args], cwd);

describe("refused packs and presets (exit 2, nothing written)", () => {
  beforeEach(() => {
    vi.stubEnv("DOCKER_SCAFFOLD_CACHE_DIR", tempDir("ds-cache-"));
    vi.stubEnv("DOCKER_SCAFFOLD_CONFIG", join(tempDir(), "none.yaml"));
  });
  afterEach(() => vi.unstubAllEnvs());

  async function refused(cwd: string, args: string[], ...expected: string[]) {
    const run = await init(cwd, ...args);
    expect(run.code, run.stderr).toBe(2);
    for (const e of expected) expect(run.stderr).toContain(e);
    expect(existsSync(join(cwd, "Dockerfile"))).toBe(false);
    return run;
  }

  it("a pack file with ../ or an absolute path", async () => {
    const cwd = tempDir();
    writeTree(cwd, { "p1/pack.yaml": PACK("files:\n  - {path: ../evil.txt, source: x.txt}\n"), "p1/x.txt": "x", "p2/pack.yaml": PACK("files:\n  - {path: /tmp/evil.txt, source: x.txt}\n"), "p2/x.txt": "x" });
    await refused(cwd, ["--template", "./p1"], "p1/pack.yaml", '"../evil.txt" is not a path inside the target directory');
    await refused(cwd, ["--template", "./p2"], "p2/pack.yaml", '"/tmp/evil.txt" is not a path inside the target directory');
  });

  it("a pack source outside the pack, or a symlink in the pack that points out of it", async () => {
    const cwd = tempDir();
    writeTree(cwd, { "p1/pack.yaml": PACK("files:\n  - {path: ca.crt, source: ../secret}\n"), secret: "s" });
    await refused(cwd, ["--template", "./p1"], "source \"../secret\" is outside the pack");
    writeTree(cwd, { "p2/pack.yaml": PACK(), "p2/templates/_partials/.keep": "" });
    symlinkSync("/etc/passwd", join(cwd, "p2", "templates", "_partials", "labels.hbs"));
    await refused(cwd, ["--template", "./p2"], "leads outside the pack", "/etc/passwd");
    writeTree(cwd, { "p3/pack.yaml": PACK("files:\n  - {path: hosts.txt, source: link}\n") });
    symlinkSync("/etc/hosts", join(cwd, "p3", "link"));
    await refused(cwd, ["--template", "./p3"], "leads outside the pack");
  });

  it("a pack file written through a symlinked folder of the target that leads out of it", async () => {
    const cwd = tempDir();
    const outside = tempDir("outside-");
    writeTree(cwd, { "p/pack.yaml": PACK("files:\n  - {path: certs/ca.crt, source: ca.crt}\n"), "p/ca.crt": "CERT" });
    const target = join(cwd, "svc");
    mkdirSync(target);
    symlinkSync(outside, join(target, "certs"));
    const run = await runCliCaptured(["init", "svc", "--yes", "--no-detect", "--preset", "python-fastapi", "--template", "./p"], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("would be written through the symlink");
    expect(existsSync(join(outside, "ca.crt"))).toBe(false);
  });

  it("a malformed manifest names the file and each problem", async () => {
    const cwd = tempDir();
    writeTree(cwd, {
      "bad/pack.yaml": "apiVersion: docker-scaffold/v2\nkind: TemplatePack\nname: Team Pack\nversion: one\nscripts: {postinstall: rm -rf /}\n",
      "yaml/pack.yaml": "kind: [TemplatePack\n",
      "preset.yaml": "apiVersion: docker-scaffold/v1\nkind: Preset\nname: p\nanswers: {colour: red}\npolicy: {locked: [nonsense]}\n",
      "kind.yaml": "apiVersion: docker-scaffold/v1\nkind: Recipe\nname: p\n",
    });
    const run = await refused(cwd, ["--template", "./bad"], "bad/pack.yaml is not a valid TemplatePack manifest", "apiVersion: must be equal to constant", "name: must match pattern", "version: must match pattern", "(scripts)");
    expect(run.stderr).toContain("fix:");
    await refused(cwd, ["--template", "./yaml"], "yaml/pack.yaml is not valid YAML");
    const p = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", "./preset.yaml"], cwd);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain("preset.yaml is not a valid Preset manifest");
    expect(p.stderr).toContain("colour");
    expect(p.stderr).toContain("policy.locked.0");
    const k = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", "./kind.yaml"], cwd);
    expect(k.code).toBe(2);
    expect(k.stderr).toContain('kind is "Recipe"; expected Preset');
    // A pack given as a preset.
    writeTree(cwd, { "ok/pack.yaml": PACK() });
    const wrong = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", "./ok/pack.yaml"], cwd);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("is a TemplatePack, but a Preset is expected here");
  });

  it("an extends cycle names the chain", async () => {
    const cwd = tempDir();
    writeTree(cwd, {
      "a.yaml": "apiVersion: docker-scaffold/v1\nkind: Preset\nname: a\nextends: ./b.yaml\n",
      "b.yaml": "apiVersion: docker-scaffold/v1\nkind: Preset\nname: b\nextends: [builtin:python-flask, ./a.yaml]\n",
      "pa/pack.yaml": PACK("extends: ../pb\n"),
      "pb/pack.yaml": PACK("extends: ../pa\n"),
    });
    const run = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", "./a.yaml"], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/a\.yaml: extends cycle:\n\s+.*a\.yaml\n\s+extends .*b\.yaml\n\s+extends .*a\.yaml/);
    await refused(cwd, ["--template", "./pa"], "extends cycle", "pa/pack.yaml", "pb/pack.yaml");
  });

  it("a missing partial, {{> super}} with nothing below, a computed partial name, a template syntax error", async () => {
    const cwd = tempDir();
    writeTree(cwd, {
      "p1/pack.yaml": PACK(),
      "p1/templates/python/build.hbs": "{{> super}}\n{{> acme/ca-cert}}\n",
      "p2/pack.yaml": PACK(),
      "p2/templates/acme/new.hbs": "{{> super}}\n",
      "p3/pack.yaml": PACK(),
      "p3/templates/_partials/labels.hbs": "{{> (lookup . 'x')}}\n",
      "p4/pack.yaml": PACK(),
      "p4/templates/_partials/labels.hbs": "{{#if name}}\n",
    });
    await refused(cwd, ["--template", "./p1"], "p1/templates/python/build.hbs", "{{> acme/ca-cert}} names a partial that no template layer has");
    await refused(cwd, ["--template", "./p2"], "p2/templates/acme/new.hbs", "{{> super}} in acme/new, but no layer below");
    await refused(cwd, ["--template", "./p3"], "p3/templates/_partials/labels.hbs", "computed name");
    await refused(cwd, ["--template", "./p4"], "p4/templates/_partials/labels.hbs (pack team@1.0.0 (./p4)) is not a valid Handlebars template");
  });

  it("a field the view does not have fails loudly (strict), naming the template", async () => {
    const cwd = tempDir();
    writeTree(cwd, { "p/pack.yaml": PACK(), "p/templates/_partials/labels.hbs": "LABEL team={{team}}\n" });
    await refused(cwd, ["--template", "./p"], "Rendering python/Dockerfile.hbs", "pack team@1.0.0", '"team" not defined');
  });

  it("allowed registries: an image from elsewhere is exit 2 naming it and the policy; images.registry satisfies it", async () => {
    const cwd = tempDir();
    writeTree(cwd, {
      "strict/pack.yaml": PACK("policy:\n  allowedRegistries: [registry.acme.example/hub]\n"),
      "mirror/pack.yaml": "apiVersion: docker-scaffold/v1\nkind: TemplatePack\nname: mirror\nversion: 1.0.0\nimages:\n  registry: registry.acme.example/hub\n",
    });
    await refused(cwd, ["--template", "./strict"], "Dockerfile: python:3.12-slim-bookworm is not from registry.acme.example/hub (allowed by template pack team@1.0.0 (./strict))");
    const ok = await init(cwd, "--template", "./strict", "--template", "./mirror");
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(readFileSync(join(cwd, "Dockerfile"), "utf8")).toContain("FROM registry.acme.example/hub/python:${PYTHON_VERSION}-slim-bookworm AS build");
  });
});

describe("the repository's own templates", () => {
  beforeEach(() => {
    vi.stubEnv("DOCKER_SCAFFOLD_CACHE_DIR", tempDir("ds-cache-"));
    vi.stubEnv("DOCKER_SCAFFOLD_CONFIG", join(tempDir(), "none.yaml"));
  });
  afterEach(() => vi.unstubAllEnvs());

  it(".docker-scaffold/templates/ ranks above packs; a whole (unsplit) template can be replaced and wrap the original", async () => {
    const cwd = tempDir();
    writeTree(cwd, {
      ".docker-scaffold/templates/python/Dockerfile.hbs": "{{> super}}\n# Owned by the payments team.\n",
      ".docker-scaffold/templates/_partials/labels.hbs": "{{> super}}\nLABEL com.example.repo=\"payments\"\n",
      "p/pack.yaml": PACK(),
      "p/templates/_partials/labels.hbs": "{{> super}}\nLABEL com.example.pack=\"team\"\n",
    });
    const run = await init(cwd, "--template", "./p");
    expect(run.stderr).toBe("");
    const dockerfile = readFileSync(join(cwd, "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/LICENSES\}"\nLABEL com\.example\.pack="team"\nLABEL com\.example\.repo="payments"\n# Owned by the payments team\.\n$/);
  });
});

describe("files a pack adds", () => {
  beforeEach(() => {
    vi.stubEnv("DOCKER_SCAFFOLD_CACHE_DIR", tempDir("ds-cache-"));
    vi.stubEnv("DOCKER_SCAFFOLD_CONFIG", join(tempDir(), "none.yaml"));
  });
  afterEach(() => vi.unstubAllEnvs());

  it("a .hbs source is rendered with the common view, anything else copied; a re-run is IDENTICAL", async () => {
    const cwd = tempDir();
    writeTree(cwd, {
      "p/pack.yaml": PACK("files:\n  - {path: deploy/notes.md, source: files/notes.md.hbs}\n  - {path: deploy/ca.pem, source: files/ca.pem}\n"),
      "p/files/notes.md.hbs": "# {{name}} listens on {{port}} as {{uid}}\n",
      "p/files/ca.pem": "-----BEGIN CERTIFICATE-----\n{{not a template}}\n",
    });
    const run = await init(cwd, "--template", "./p", "--name", "svc");
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("CREATE    deploy/notes.md");
    expect(readFileSync(join(cwd, "deploy", "notes.md"), "utf8")).toBe("# svc listens on 8000 as 10001\n");
    expect(readFileSync(join(cwd, "deploy", "ca.pem"), "utf8")).toBe("-----BEGIN CERTIFICATE-----\n{{not a template}}\n");
    const again = await runCliCaptured(["init", "--yes", "--no-detect"], cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/CREATE|UPDATE|CONFLICT/);
  });
});

describe("recorded template packs", () => {
  beforeEach(() => {
    vi.stubEnv("DOCKER_SCAFFOLD_CACHE_DIR", tempDir("ds-cache-"));
    vi.stubEnv("DOCKER_SCAFFOLD_CONFIG", join(tempDir(), "none.yaml"));
  });
  afterEach(() => vi.unstubAllEnvs());

  it("--template is recorded relative to the directory; update re-renders a changed pack, and --template switches packs", async () => {
    const cwd = tempDir();
    writeTree(cwd, {
      "packs/a/pack.yaml": PACK(),
      "packs/a/templates/_partials/labels.hbs": "{{> super}}\nLABEL pack=\"a1\"\n",
      "packs/b/pack.yaml": PACK().replace("name: team", "name: other"),
      "packs/b/templates/_partials/labels.hbs": "{{> super}}\nLABEL pack=\"b\"\n",
    });
    expect((await runCliCaptured(["init", "svc", "--yes", "--no-detect", "--preset", "python-fastapi", "--template", "packs/a"], cwd)).code).toBe(0);
    const svc = join(cwd, "svc");
    const recorded = readFileSync(join(svc, ".docker-scaffold.yml"), "utf8");
    expect(recorded).toContain("templates:\n  - ../packs/a\n");
    expect(recorded).toMatch(/resolved:\n  - ref: \.\.\/packs\/a\n    kind: TemplatePack\n    name: team\n    version: 1\.0\.0\n    sha256: [0-9a-f]{64}\n/);
    writeTree(cwd, { "packs/a/templates/_partials/labels.hbs": "{{> super}}\nLABEL pack=\"a2\"\n" });
    const up = await runCliCaptured(["update", "--no-detect", "--allow-dirty"], svc);
    expect(up.code, up.stderr).toBe(0);
    expect(readFileSync(join(svc, "Dockerfile"), "utf8")).toContain('LABEL pack="a2"');
    const sw = await runCliCaptured(["update", "--no-detect", "--allow-dirty", "--template", "../packs/b"], svc);
    expect(sw.code, sw.stderr).toBe(0);
    expect(readFileSync(join(svc, "Dockerfile"), "utf8")).toContain('LABEL pack="b"');
    expect(readFileSync(join(svc, "Dockerfile"), "utf8")).not.toContain('LABEL pack="a2"');
    expect(readFileSync(join(svc, ".docker-scaffold.yml"), "utf8")).toContain("templates:\n  - ../packs/b\n");
  });
});

describe("references and images (pure)", () => {
  it("parses every reference form", () => {
    expect(parseRef("python-flask")).toMatchObject({ type: "builtin", name: "python-flask" });
    expect(parseRef("builtin:go-http")).toMatchObject({ type: "builtin", name: "go-http" });
    expect(parseRef("./team.yaml")).toMatchObject({ type: "path", path: "./team.yaml" });
    expect(parseRef("presets/team.yaml")).toMatchObject({ type: "path" });
    expect(parseRef("npm:@acme/std@^1.2/python")).toMatchObject({ type: "npm", pkg: "@acme/std", range: "^1.2", name: "python" });
    expect(parseRef("npm:std")).toMatchObject({ type: "npm", pkg: "std", range: null, name: null });
    expect(parseRef("gh:acme/std//packs/base#v1.0.0")).toMatchObject({ type: "git", url: "https://github.com/acme/std.git", subdir: "packs/base", rev: "v1.0.0" });
    expect(parseRef("git+https://git.acme.example/std.git#main")).toMatchObject({ type: "git", url: "https://git.acme.example/std.git", subdir: null, rev: "main" });
    expect(parseRef("git+ssh://git@git.acme.example/std.git//presets")).toMatchObject({ type: "git", url: "ssh://git@git.acme.example/std.git", subdir: "presets" });
    expect(parseRef("git+file:///srv/std")).toMatchObject({ type: "git", url: "file:///srv/std" });
    expect(parseRef("acme:python-api")).toMatchObject({ type: "alias", alias: "acme", name: "python-api" });
    expect(() => parseRef("gh:acme/std//../x")).toThrow(/leaves the repository/);
    expect(() => parseRef("npm:pkg/../x")).toThrow(/not a name inside the package/);
    expect(() => parseRef("acme:../x")).toThrow(/not valid/);
  });

  it("locks: the same value is no override; --uid does not change a locked gid; a locked security block takes its own values", () => {
    const locked = [
      { key: "gid", value: 20001, by: "acme" },
      { key: "security", value: { readOnly: true, memory: "512m" }, by: "acme" },
    ];
    expect(() => enforceLocks(locked, [{ source: "flag", explicit: true, answers: { uid: "30001", gid: "30001" } }])).not.toThrow();
    expect(() => enforceLocks(locked, [{ source: "--set", explicit: true, answers: { gid: 20001, security: { readOnly: true } } }])).not.toThrow();
    expect(() => enforceLocks(locked, [{ source: "--set", explicit: true, answers: { security: { memory: "1g" } } }])).toThrow(/security is locked to .* by preset acme; --set security=\.\.\. sets it to \{"memory":"1g"\}/);
    expect(() => enforceLocks(locked, [{ source: "detected", explicit: false, answers: { gid: 1 } }])).not.toThrow();
  });

  it("finds the images a Dockerfile pulls and checks them against registries", () => {
    const images = dockerfileImages("ARG V=3.12\nARG UV=0.5\nFROM ghcr.io/astral-sh/uv:${UV} AS uv\nFROM python:${V}-slim AS build\nCOPY --from=uv /uv /uv\nFROM build AS runtime\nCOPY --from=busybox:1.36 /bin/sh /sh\n");
    expect(images).toEqual(["ghcr.io/astral-sh/uv:0.5", "python:3.12-slim", "busybox:1.36"]);
    expect(allowed("python:3.12", ["docker.io"])).toBe(true);
    expect(allowed("python:3.12", ["docker.io/library"])).toBe(true);
    expect(allowed("registry.acme.example/hub/python:3.12", ["registry.acme.example"])).toBe(true);
    expect(allowed("registry.acme.example.evil.com/python:3.12", ["registry.acme.example"])).toBe(false);
    expect(allowed("gcr.io/distroless/static", ["docker.io"])).toBe(false);
  });
});
