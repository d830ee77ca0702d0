// Oracles over every golden: independent tools must accept what we generate.
// - dockerfile-utils validate(): zero diagnostics (all settings at WARNING)
// - dockerlinter (hadolint's rules in JS, with Debian's shellcheck): zero findings at info
// - dclint: zero findings, with one accepted rule (below)
// - docker-compose 1.29 `config -q` accepts every compose file
// - `make -n` succeeds for every target of every Makefile
// - shellcheck on every shell-form RUN
// Nothing else is ignored. These tools are required: a missing one fails the test.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import { validate, ValidationSeverity } from "dockerfile-utils";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { tempDir } from "../helpers/tmp.js";
import { goldenCases } from "./golden-cases.js";
import { renderCase } from "./render-case.js";

/**
 * Accepted dclint rules, each with its reason:
 * - require-project-name-field: a top-level `name:` is rejected by docker-compose 1.29
 *   (RULEBOOK CMP-PROJECT-NAME); the project name comes from the directory, as usual.
 */
const DCLINT_ACCEPTED = ["require-project-name-field"];

const BIN = join(process.cwd(), "node_modules", ".bin");

function run(cmd: string, args: string[], cwd: string): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
  if (r.error) throw new Error(`${cmd} could not run (${r.error.message}); install it (see .ci/run)`);
  return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}

const ALL_WARNINGS = Object.fromEntries(
  ["deprecatedMaintainer", "directiveCasing", "emptyContinuationLine", "instructionCasing", "instructionCmdMultiple", "instructionEntrypointMultiple", "instructionHealthcheckMultiple", "instructionJSONInSingleQuotes", "instructionWorkdirRelative"].map((k) => [k, ValidationSeverity.WARNING]),
);

/** Each stage has at most one CMD, one ENTRYPOINT and one HEALTHCHECK. */
function everyStageHasOneOfEach(dockerfile: string): boolean {
  let counts = new Map<string, number>();
  for (const i of DockerfileParser.parse(dockerfile).getInstructions()) {
    const k = i.getKeyword();
    if (k === "FROM") counts = new Map();
    if (k === "CMD" || k === "ENTRYPOINT" || k === "HEALTHCHECK") {
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (counts.get(k)! > 1) return false;
    }
  }
  return true;
}

describe.each(goldenCases())("oracles on golden $name", (c) => {
  let dir = "";
  let files: Record<string, string> = {};
  beforeAll(async () => {
    files = await renderCase(c);
    dir = tempDir("oracle-");
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  });

  // Every Dockerfile: at the root, or one per app folder (a repository with several apps).
  const dockerfiles = () => Object.keys(files).filter((p) => p === "Dockerfile" || p.endsWith("/Dockerfile"));

  it("Dockerfile: dockerfile-utils reports nothing", () => {
    expect(dockerfiles().length).toBeGreaterThan(0);
    for (const p of dockerfiles()) expect(validate(files[p]!, ALL_WARNINGS), p).toEqual([]);
  });

  it("Dockerfile: dockerlinter (hadolint rules) reports nothing", () => {
    // -i SC2215: dockerlinter hands `RUN --mount=...` flags to shellcheck (RULEBOOK part b);
    // real hadolint strips them. Shell-form RUN bodies get shellcheck below without it.
    // EI0001 counts CMD/ENTRYPOINT/HEALTHCHECK across the whole file, where hadolint's DL4003/DL4004
    // count per stage: a dev stage (issue 9) has its own CMD. It is dropped only when every stage
    // has at most one of each (checked here), so a real duplicate still fails.
    for (const p of dockerfiles()) {
      const ignored = everyStageHasOneOfEach(readFileSync(join(dir, p), "utf8")) ? "SC2215,EI0001" : "SC2215";
      const r = run(join(BIN, "dockerlinter"), ["-f", p, "-s", "sh", "-e", "info", "-i", ignored], dir);
      expect(r.out.trim(), p).toBe("");
      expect(r.code, p).toBe(0);
    }
  });

  it("Dockerfile: every shell-form RUN passes shellcheck", () => {
    const runs = dockerfiles()
      .flatMap((p) => DockerfileParser.parse(files[p]!).getInstructions())
      .filter((i) => i.getKeyword() === "RUN" && !i.getArgumentsContent()?.trim().startsWith("["));
    expect(runs.length).toBeGreaterThan(0);
    for (const instr of runs) {
      const body = instr.getArgumentsContent()!;
      const r = spawnSync("shellcheck", ["-s", "sh", "-"], { input: `${body}\n`, encoding: "utf8" });
      if (r.error) throw new Error("shellcheck is not installed (apt-get install shellcheck)");
      expect(r.stdout, body).toBe("");
    }
  });

  it("docker-compose.yml: dclint reports nothing but accepted rules", () => {
    const r = run(join(BIN, "dclint"), ["docker-compose.yml", "-f", "json", "--color", "false"], dir);
    const report = JSON.parse(r.out.slice(r.out.indexOf("["))) as { messages: { rule: string; message: string }[] }[];
    const findings = report.flatMap((f) => f.messages).filter((m) => !DCLINT_ACCEPTED.includes(m.rule));
    expect(findings).toEqual([]);
  });

  it("docker-compose.yml: docker-compose 1.29 accepts it", () => {
    // env_file entries must exist for v1.29; .env is made from env.example as a user would.
    writeFileSync(join(dir, ".env"), files["env.example"]!.replace(/^(DJANGO_SECRET_KEY)=$/m, "$1=test-only-key"));
    // With backing services, `make secrets` writes the passwords and fills the connection URLs.
    if (/^secrets:/m.test(files.Makefile ?? "")) {
      const s = run("make", ["secrets"], dir);
      expect(s.code, s.out).toBe(0);
      expect(readFileSync(join(dir, ".env"), "utf8")).not.toMatch(/^(DATABASE_URL|REDIS_URL)=$/m);
    }
    const r = run("docker-compose", ["-f", "docker-compose.yml", "config", "-q"], dir);
    expect(r.out).toBe("");
    expect(r.code).toBe(0);
  });

  // The dev overlay (issue 9), where the case has one: dclint on its own, and docker-compose
  // 1.29 on the two files merged as `make dev` merges them, keeping the base file's hardening.
  it("docker-compose.dev.yml: dclint and docker-compose 1.29 accept it, layered on docker-compose.yml", () => {
    if (files["docker-compose.dev.yml"] === undefined) return;
    const lint = run(join(BIN, "dclint"), ["docker-compose.dev.yml", "-f", "json", "--color", "false"], dir);
    const report = JSON.parse(lint.out.slice(lint.out.indexOf("["))) as { messages: { rule: string; message: string }[] }[];
    expect(report.flatMap((f) => f.messages).filter((m) => !DCLINT_ACCEPTED.includes(m.rule))).toEqual([]);
    writeFileSync(join(dir, ".env"), files["env.example"]!.replace(/^(DJANGO_SECRET_KEY)=$/m, "$1=test-only-key"));
    const r = run("docker-compose", ["-f", "docker-compose.yml", "-f", "docker-compose.dev.yml", "config"], dir);
    expect(r.code, r.out).toBe(0);
    const merged = parse(r.out) as { services: Record<string, Record<string, unknown>> };
    const svc = Object.values(merged.services)[0]!;
    expect((svc.build as { target: string }).target).toBe("dev");
    expect(svc.read_only).toBe(true);
    expect(svc.cap_drop).toEqual(["ALL"]);
    expect(svc.security_opt).toEqual(["no-new-privileges:true"]);
    expect(svc.user).toMatch(/^\d+:\d+$/);
    expect(svc.tmpfs).toContain("/tmp:rw,noexec,nosuid,size=64m");
    // Bind mounts of the sources are read-only; a named volume (Go's build cache) is not a bind.
    for (const v of svc.volumes as string[]) if (/^[./]/.test(v)) expect(v).toMatch(/:ro$/);
  });

  it("Makefile: make -n succeeds for every target", () => {
    const phony = /^\.PHONY:(.*)$/m.exec(files.Makefile!.split("# >>> docker-scaffold")[1] ?? "")?.[1]?.trim().split(/\s+/) ?? [];
    expect(phony).toContain("docker-build");
    for (const target of phony) {
      const r = run("make", ["-n", target], dir);
      expect(r.code, `make -n ${target}\n${r.out}`).toBe(0);
    }
  });
});

// Fails loudly (instead of skipping) when an oracle tool is missing.
it("oracle tools are installed", () => {
  for (const tool of ["shellcheck", "docker-compose", "make"]) {
    expect(() => execFileSync(tool, ["--version"], { stdio: "ignore" }), `${tool} is required (see .ci/run)`).not.toThrow();
  }
});
