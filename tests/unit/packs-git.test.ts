// Team presets and template packs from a real git repository (issue 8): created here with
// `git init`, tagged v1.0.0 and v1.1.0, and used through git+file:// references: resolution,
// version pinning, extends chains, a partial override that wraps the original, locked
// answers, the cache and --offline.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { runCliCaptured } from "../helpers/cli.js";
import { tempDir, writeTree } from "../helpers/tmp.js";

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", ...args], { cwd, stdio: "pipe" }).toString().trim();

function commitAll(repo: string, message: string, tag?: string): string {
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", message);
  if (tag) git(repo, "tag", tag);
  return git(repo, "rev-parse", "HEAD");
}

/** The team's standards repository: a base preset, a preset extending it, two packs (one extends the other). */
function teamRepo(): { repo: string; url: string; v100: string; v110: string } {
  const repo = tempDir("team-repo-");
  git(repo, "init", "-q", "-b", "main");
  const files = (labelValue: string, version: string): Record<string, string> => ({
    "presets/base.yaml": `apiVersion: docker-scaffold/v1\nkind: Preset\nname: acme-base\nversion: ${version}\nanswers:\n  uid: 20001\n  gid: 20001\n  security:\n    readOnly: true\npolicy:\n  locked: [uid, security.readOnly]\n`,
    "presets/python-api.yaml": `apiVersion: docker-scaffold/v1\nkind: Preset\nname: acme-python-api\nversion: ${version}\ndescription: Acme's FastAPI service\nextends: [builtin:python-fastapi, ./base.yaml]\ntemplates: [../packs/labels]\nanswers:\n  port: 8080\n`,
    "packs/labels/pack.yaml": `apiVersion: docker-scaffold/v1\nkind: TemplatePack\nname: acme-labels\nversion: ${version}\nextends: [../common]\n`,
    "packs/labels/templates/_partials/labels.hbs": `{{> super}}\nLABEL com.acme.team="platform" \\\n      com.acme.standard="${labelValue}"\n`,
    "packs/common/pack.yaml": `apiVersion: docker-scaffold/v1\nkind: TemplatePack\nname: acme-common\nversion: ${version}\n`,
    "packs/common/templates/_partials/expose.hbs": `# Acme: the service port.\n{{> super}}\n`,
  });
  writeTree(repo, files("v1", "1.0.0"));
  const v100 = commitAll(repo, "v1.0.0", "v1.0.0");
  writeTree(repo, files("v1.1", "1.1.0"));
  const v110 = commitAll(repo, "v1.1.0", "v1.1.0");
  return { repo, url: `git+file://${repo}`, v100, v110 };
}

const recordedOf = (dir: string) =>
  parse(readFileSync(join(dir, ".docker-scaffold.yml"), "utf8")) as { preset: { name: string; version: string; source?: string }; templates?: string[]; answers: Record<string, unknown>; resolved: { ref: string; kind: string; name: string; version: string; commit?: string }[] };

describe("presets and packs from a git repository", () => {
  let cache: string;
  beforeEach(() => {
    cache = tempDir("ds-cache-");
    vi.stubEnv("DOCKER_SCAFFOLD_CACHE_DIR", cache);
    vi.stubEnv("DOCKER_SCAFFOLD_CONFIG", join(tempDir(), "none.yaml"));
  });
  afterEach(() => vi.unstubAllEnvs());

  it("resolves a tag, follows extends (presets and packs), wraps the original partial, and records the commit", async () => {
    const { url, v100 } = teamRepo();
    const dir = tempDir("svc-");
    const run = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", `${url}//presets/python-api.yaml#v1.0.0`], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const dockerfile = readFileSync(join(dir, "Dockerfile"), "utf8");
    // The override wraps the built-in labels: the OCI labels stay, the team's follow.
    expect(dockerfile).toContain('LABEL org.opencontainers.image.title=');
    expect(dockerfile).toMatch(/org\.opencontainers\.image\.licenses="\$\{LICENSES\}"\nLABEL com\.acme\.team="platform" \\\n {6}com\.acme\.standard="v1"\n/);
    // The pack extended by the first (packs/common) overrides another partial, also wrapping it.
    expect(dockerfile).toContain("# Acme: the service port.\nEXPOSE 8080\n");
    // The answers: builtin:python-fastapi, then acme-base (uid, read-only), then the preset's own port.
    expect(dockerfile).toContain("USER 20001:20001");
    expect(dockerfile).toContain("uvicorn");
    expect(dockerfile).toContain("from preset acme-python-api");
    const rec = recordedOf(dir);
    expect(rec.preset).toEqual({ name: "acme-python-api", version: "1.0.0", source: `${url}//presets/python-api.yaml#v1.0.0` });
    expect(rec.resolved.map((r) => [r.kind, r.name, r.commit])).toEqual([
      ["Preset", "acme-base", v100],
      ["Preset", "acme-python-api", v100],
      ["TemplatePack", "acme-labels", v100],
      ["TemplatePack", "acme-common", v100],
    ]);
    // A second run reproduces the same files.
    const again = await runCliCaptured(["init", "--yes", "--no-detect"], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/UPDATE|CREATE|CONFLICT/);
  });

  it("pins: a moving ref keeps the recorded commit until --refresh; another tag is another version", async () => {
    const { repo, url, v110 } = teamRepo();
    const dir = tempDir("svc-");
    expect((await runCliCaptured(["init", "--yes", "--no-detect", "--preset", `${url}//presets/python-api.yaml#main`], dir)).code).toBe(0);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toContain('com.acme.standard="v1.1"');
    expect(recordedOf(dir).resolved[0]!.commit).toBe(v110);
    // main moves on.
    writeTree(repo, { "packs/labels/templates/_partials/labels.hbs": `{{> super}}\nLABEL com.acme.standard="v2"\n` });
    const v2 = commitAll(repo, "v2");
    const pinned = await runCliCaptured(["update", "--no-detect", "--allow-dirty"], dir);
    expect(pinned.code).toBe(0);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toContain('com.acme.standard="v1.1"');
    expect(recordedOf(dir).resolved[0]!.commit).toBe(v110);
    const refreshed = await runCliCaptured(["update", "--no-detect", "--allow-dirty", "--refresh"], dir);
    expect(refreshed.code).toBe(0);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toContain('com.acme.standard="v2"');
    expect(recordedOf(dir).resolved[0]!.commit).toBe(v2);
    // An older tag, asked for by name.
    const old = tempDir("svc-");
    expect((await runCliCaptured(["init", "--yes", "--no-detect", "--preset", `${url}//presets/python-api.yaml#v1.0.0`], old)).code).toBe(0);
    expect(readFileSync(join(old, "Dockerfile"), "utf8")).toContain('com.acme.standard="v1"\n');
  });

  it("--offline uses only the cache: a cached repository works without its origin, an uncached one is exit 2", async () => {
    const { repo, url } = teamRepo();
    const ref = `${url}//presets/python-api.yaml#v1.1.0`;
    expect((await runCliCaptured(["init", "--yes", "--no-detect", "--preset", ref], tempDir("svc-"))).code).toBe(0);
    expect(existsSync(join(cache, "git"))).toBe(true);
    renameSync(repo, `${repo}-gone`);
    const offline = tempDir("svc-");
    const run = await runCliCaptured(["init", "--yes", "--no-detect", "--offline", "--preset", ref], offline);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(readFileSync(join(offline, "Dockerfile"), "utf8")).toContain('com.acme.standard="v1.1"');
    // Online, the origin is gone but the tag is cached: no fetch is needed either.
    expect((await runCliCaptured(["init", "--yes", "--no-detect", "--preset", ref], tempDir("svc-"))).code).toBe(0);
    // --refresh must fetch, and the origin is gone.
    const refresh = await runCliCaptured(["init", "--yes", "--no-detect", "--refresh", "--preset", ref], tempDir("svc-"));
    expect(refresh.code).toBe(2);
    expect(refresh.stderr).toContain("git fetch");
    // A repository never fetched, offline.
    const other = teamRepo();
    const miss = await runCliCaptured(["init", "--yes", "--no-detect", "--offline", "--preset", `${other.url}//presets/python-api.yaml`], tempDir("svc-"));
    expect(miss.code).toBe(2);
    expect(miss.stderr).toContain("is not in the cache");
    expect(miss.stderr).toContain("--offline");
  });

  it("a locked answer cannot be overridden by a flag, --set, --answers or the recorded answers: exit 2 naming the preset", async () => {
    const { url } = teamRepo();
    const ref = `${url}//presets/python-api.yaml#v1.0.0`;
    const dir = tempDir("svc-");
    const cases: [string[], string][] = [
      [["--uid", "30001"], "the flag --uid"],
      [["--set", "security.readOnly=false"], "--set security.readOnly"],
    ];
    for (const [args, where] of cases) {
      const run = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", ref, ...args], dir);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("is locked to");
      expect(run.stderr).toContain(`by preset acme-base (./base.yaml)`);
      expect(run.stderr).toContain(where);
      expect(existsSync(join(dir, "Dockerfile"))).toBe(false);
    }
    writeFileSync(join(dir, "answers.yaml"), "uid: 0\n");
    const file = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", ref, "--answers", "answers.yaml"], dir);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain("answers.uid in answers.yaml");
    // The same value is not an override.
    expect((await runCliCaptured(["init", "--yes", "--no-detect", "--preset", ref, "--uid", "20001"], dir)).code).toBe(0);
    // A hand-edited .docker-scaffold.yml that unlocks it.
    const recorded = readFileSync(join(dir, ".docker-scaffold.yml"), "utf8").replace("answers:\n  uid: \"20001\"", "answers:\n  uid: 0");
    writeFileSync(join(dir, ".docker-scaffold.yml"), recorded.includes("uid: 0") ? recorded : recorded.replace(/answers: \{\}|answers:\n/, "answers:\n  uid: 0\n"));
    const rerun = await runCliCaptured(["init", "--yes", "--no-detect"], dir);
    expect(rerun.code).toBe(2);
    expect(rerun.stderr).toContain("answers.uid in .docker-scaffold.yml");
  });

  it("a preset that extends a locking preset cannot change the locked answer", async () => {
    const { repo } = teamRepo();
    writeTree(repo, { "presets/rogue.yaml": "apiVersion: docker-scaffold/v1\nkind: Preset\nname: rogue\nversion: 1.0.0\nextends: [./base.yaml]\nanswers:\n  uid: 0\n" });
    commitAll(repo, "rogue");
    const run = await runCliCaptured(["init", "--yes", "--no-detect", "--language", "python", "--preset", `git+file://${repo}//presets/rogue.yaml`], tempDir("svc-"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("rogue.yaml: answers.uid is 0, but preset acme-base (./base.yaml) locked it to 20001");
  });

  it("a relative reference cannot leave the repository it came from", async () => {
    const { repo, url } = teamRepo();
    const outside = tempDir("outside-");
    writeTree(outside, { "evil.yaml": "apiVersion: docker-scaffold/v1\nkind: Preset\nname: evil\nanswers: {uid: 0}\n" });
    writeTree(repo, { "presets/escape.yaml": `apiVersion: docker-scaffold/v1\nkind: Preset\nname: escape\nversion: 1.0.0\nextends: [../../${outside.split("/").pop()}/evil.yaml]\n` });
    writeTree(repo, { "presets/absolute.yaml": `apiVersion: docker-scaffold/v1\nkind: Preset\nname: absolute\nversion: 1.0.0\nextends: [${outside}/evil.yaml]\n` });
    commitAll(repo, "escape");
    const rel = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", `${url}//presets/escape.yaml`], tempDir("svc-"));
    expect(rel.code).toBe(2);
    expect(rel.stderr).toContain("leads outside its source");
    const abs = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", `${url}//presets/absolute.yaml`], tempDir("svc-"));
    expect(abs.code).toBe(2);
    expect(abs.stderr).toContain("an absolute path inside a fetched preset or pack is refused");
  });

  it("a user-config alias names a location; <alias>:<name> finds presets/<name>.yaml in it", async () => {
    const { url } = teamRepo();
    const config = join(tempDir(), "config.yaml");
    writeFileSync(config, `aliases:\n  acme: "${url}#v1.0.0"\n`);
    vi.stubEnv("DOCKER_SCAFFOLD_CONFIG", config);
    const dir = tempDir("svc-");
    const run = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", "acme:python-api"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toContain('com.acme.standard="v1"\n');
    expect(recordedOf(dir).preset.source).toBe("acme:python-api");
    const unknown = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", "acne:python-api"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no alias "acne"');
    expect(unknown.stderr).toContain("acme:");
  });
});
