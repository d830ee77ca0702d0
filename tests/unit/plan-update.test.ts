// planUpdate, a test per row of the table (issue 7) for every file type, on real rendered
// files: the template change is a real answer change (port 8000 -> 9000, flask -> django),
// or for .gitignore, whose lines no answer changes, an older template that lacked a line.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { FileRecord, MergeStrategy, OutputFile } from "../../src/model/plan.js";
import { MARKERS } from "../../src/update/merge-lines.js";
import { decideOrphan, decideUpdate, planUpdate } from "../../src/update/plan-update.js";
import { decideBases, initRecords, sha256, updateRecords } from "../../src/update/records.js";
import { BLOCK_BEGIN, BLOCK_END, wrapBlock } from "../../src/write/managed-block.js";
import { renderPreset } from "../helpers/render.js";

function edit(from: string, to: string) {
  return (text: string) => {
    if (!text.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} is not in the file`);
    return text.replace(from, to);
  };
}

interface Case {
  path: OutputFile;
  strategy: MergeStrategy;
  /** The template output last written (the base) and the new one. */
  base: string;
  theirs: string;
  /** An edit of yours away from what the template changes, and one on the same lines. */
  away: (text: string) => string;
  clash: (text: string) => string;
  /** What the clash looks like on your side of a conflict, and the template's. */
  yours: string;
  template: string;
}

const flask = renderPreset("python-flask", [], { ownsMakefile: false });
const flask9000 = renderPreset("python-flask", ["port=9000"], { ownsMakefile: false });
const django = renderPreset("python-django");
const django9000 = renderPreset("python-django", ["port=9000"]);
const djangoIgnore = renderPreset("python-flask", ["framework=django", "startCommand=gunicorn app.wsgi"])[".dockerignore"];

const CASES: Case[] = [
  {
    path: "Dockerfile",
    strategy: "lines",
    base: flask.Dockerfile,
    theirs: flask9000.Dockerfile,
    away: edit("# syntax=docker/dockerfile:1\n", "# syntax=docker/dockerfile:1\n# Owned by the payments team.\n"),
    clash: edit('"--workers", "2"', '"--workers", "4"'),
    yours: '"0.0.0.0:8000", "--workers", "4"',
    template: '"0.0.0.0:9000", "--workers", "2"',
  },
  {
    path: ".dockerignore",
    strategy: "lines",
    base: flask[".dockerignore"],
    theirs: djangoIgnore,
    away: edit(".git\n", ".git\nscratch/\n"),
    clash: edit("*.egg-info/\n", "*.egg-info/\nnotebooks/\n"),
    yours: "notebooks/",
    template: "staticfiles/",
  },
  {
    path: "docker-compose.yml",
    strategy: "compose",
    base: django["docker-compose.yml"],
    theirs: django9000["docker-compose.yml"],
    away: (t) =>
      edit("      DJANGO_DEBUG: ${DJANGO_DEBUG:-false}\n", "      DJANGO_DEBUG: ${DJANGO_DEBUG:-false}\n      SENTRY_DSN: ${SENTRY_DSN:-} # errors go to Sentry\n")(
        edit("networks:\n  app: {}\n", "  # Local database.\n  db:\n    image: postgres:16.4\nnetworks:\n  app: {}\n")(t),
      ),
    clash: edit("'127.0.0.1:${HOST_PORT:-8000}:8000'", "'0.0.0.0:${HOST_PORT:-8000}:8000'"),
    yours: "0.0.0.0:${HOST_PORT:-8000}:8000",
    template: "127.0.0.1:${HOST_PORT:-9000}:9000",
  },
  {
    path: "env.example",
    strategy: "lines",
    base: flask["env.example"],
    theirs: flask9000["env.example"],
    away: edit("# Secrets are left empty here on purpose.\n", "# Secrets are left empty here on purpose; ask #platform for them.\n"),
    clash: edit("HOST_PORT=8000", "HOST_PORT=8080"),
    yours: "HOST_PORT=8080",
    template: "HOST_PORT=9000",
  },
  {
    path: "Makefile",
    strategy: "managed-block",
    base: flask.Makefile,
    theirs: flask9000.Makefile,
    away: edit("PULL ?= --pull\n", "PULL ?=\n"),
    clash: edit("PORT ?= 8000\n", "PORT ?= 8080\n"),
    yours: "PORT ?= 8080",
    template: "PORT ?= 9000",
  },
  {
    path: "README.Docker.md",
    strategy: "lines",
    base: flask["README.Docker.md"],
    theirs: flask9000["README.Docker.md"],
    away: edit(" in a container\n", " in a container\n\n> Maintained by the payments team.\n"),
    clash: edit("curl -fsS http://127.0.0.1:8000/health\n", "curl -fsS http://127.0.0.1:8000/health | jq .\n"),
    yours: "8000/health | jq .",
    template: "curl -fsS http://127.0.0.1:9000/health\n",
  },
  {
    path: ".gitignore",
    strategy: "managed-block",
    // An older template did not ignore secrets/ yet.
    base: edit("secrets/\n", "")(flask[".gitignore"]),
    theirs: flask[".gitignore"],
    away: (t) => `# Local secrets never reach git.\n${t}`,
    clash: edit("!.env.example\n", "!.env.example\nprivate/\n"),
    yours: "private/",
    template: "secrets/",
  },
];

// The user's own Makefile and .gitignore lines around our block, kept byte for byte.
const OUTSIDE: Record<string, { before: string; after: string }> = {
  Makefile: { before: ".PHONY: test\n\ntest:\n\tpytest -q   \n\n", after: "\n# mine, after the block\nrelease: test\n\t./release.sh\n" },
  ".gitignore": { before: "__pycache__/\n.venv/\n\n", after: "" },
};

/** The file on disk for this content: the block inside your lines, or the whole file. */
function onDisk(c: Case, content: string): string {
  const o = OUTSIDE[c.path];
  return o ? o.before + wrapBlock(content) + o.after : content;
}

const record = (text: string): FileRecord => ({ strategy: "lines", sha256: sha256(text) });

describe.each(CASES)("$path ($strategy)", (c) => {
  it("the test's template change is real: the base and the new output differ", () => {
    expect(c.base).not.toBe(c.theirs);
  });

  it("absent -> create", () => {
    const d = decideUpdate(c.path, c.strategy, null, c.base, c.theirs);
    expect(d.status).toBe("create");
    expect(d.next).toBe(c.strategy === "managed-block" ? wrapBlock(c.theirs) : c.theirs);
  });

  it("already the new output -> identical", () => {
    const d = decideUpdate(c.path, c.strategy, onDisk(c, c.theirs), c.base, c.theirs);
    expect(d).toMatchObject({ status: "identical", next: onDisk(c, c.theirs) });
  });

  it("untouched since last written -> updated silently to the new output", () => {
    const current = onDisk(c, c.base);
    const d = decideUpdate(c.path, c.strategy, current, c.base, c.theirs, record(current));
    expect(d).toMatchObject({ status: "update", next: onDisk(c, c.theirs), edited: false });
  });

  it("edited by you, template output unchanged -> your file is kept", () => {
    const current = onDisk(c, c.away(c.theirs));
    const d = decideUpdate(c.path, c.strategy, current, c.theirs, c.theirs, record(onDisk(c, c.theirs)));
    expect(d).toMatchObject({ status: "kept", next: current, edited: true });
  });

  it("both changed, apart -> merged: your edit survives the template change", () => {
    const current = onDisk(c, c.away(c.base));
    const d = decideUpdate(c.path, c.strategy, current, c.base, c.theirs);
    expect(d.status).toBe("merged");
    expect(d.next).toBe(onDisk(c, c.away(c.theirs)));
  });

  it("both changed, the same lines -> conflict, with yours, the template's and markers", () => {
    const current = onDisk(c, c.clash(c.base));
    const d = decideUpdate(c.path, c.strategy, current, c.base, c.theirs);
    expect(d.status).toBe("conflict");
    expect(d.next).toBe(current);
    expect(d.conflict!.count).toBe(1);
    expect(d.conflict!.hunks).toContain(c.path);
    const { ours, theirs, markers } = d.conflict!.resolutions;
    expect(ours).toContain(c.yours);
    expect(ours).not.toContain(c.template);
    expect(theirs).toContain(c.template);
    expect(theirs).not.toContain(c.yours);
    expect(markers).toContain(MARKERS.ours);
    expect(markers).toContain(MARKERS.theirs);
    if (c.strategy === "compose") {
      // Both resolutions stay compose files; only the markers version is not YAML.
      expect(parse(ours!)).toHaveProperty("services");
      expect(parse(theirs!)).toHaveProperty("services");
    }
  });

  it("no base recorded: a whole file conflicts two-way; a block is replaced as init does", () => {
    const current = onDisk(c, c.away(c.base));
    const d = decideUpdate(c.path, c.strategy, current, null, c.theirs);
    if (c.strategy === "managed-block") {
      expect(d).toMatchObject({ status: "update", next: onDisk(c, c.theirs), note: "no merge base recorded; block replaced" });
    } else {
      expect(d.status).toBe("conflict");
      expect(d.note).toBe("no merge base recorded");
      expect(d.conflict!.resolutions.theirs).toBe(c.theirs);
      expect(d.conflict!.resolutions.ours).toBe(current);
    }
  });

  if (OUTSIDE[c.path]) {
    it("your lines outside the block are untouched in every row", () => {
      const { before, after } = OUTSIDE[c.path]!;
      for (const [current, base] of [
        [onDisk(c, c.base), c.base],
        [onDisk(c, c.away(c.theirs)), c.theirs],
        [onDisk(c, c.away(c.base)), c.base],
      ] as const) {
        const next = decideUpdate(c.path, c.strategy, current, base, c.theirs).next!;
        expect(next.startsWith(`${before}${BLOCK_BEGIN}\n`)).toBe(true);
        expect(next.endsWith(`${BLOCK_END}\n${after}`)).toBe(true);
      }
    });
  }
});

describe("managed blocks: markers and a removed block", () => {
  it("broken markers are a conflict that only keeping your file resolves", () => {
    const broken = `test:\n\tpytest\n${BLOCK_BEGIN}\nold:\n`;
    const d = decideUpdate("Makefile", "managed-block", broken, flask.Makefile, flask9000.Makefile);
    expect(d.status).toBe("conflict");
    expect(d.conflict!.hunks).toContain("markers");
    expect(d.conflict!.resolutions).toEqual({ ours: broken });
  });

  it("a block you removed is put back after your lines", () => {
    const mine = "test:\n\tpytest\n";
    const d = decideUpdate("Makefile", "managed-block", mine, flask.Makefile, flask.Makefile);
    expect(d).toMatchObject({ status: "update", note: "block restored" });
    expect(d.next).toBe(`${mine}\n${wrapBlock(flask.Makefile)}`);
  });
});

describe("files no longer generated", () => {
  const text = flask["README.Docker.md"];
  const rec = record(text);

  it("are reported and kept; --prune deletes one only as docker-scaffold wrote it", () => {
    expect(decideOrphan("README.Docker.md", rec, text, text, false)).toMatchObject({ status: "orphaned", next: text, note: expect.stringContaining("--prune") });
    expect(decideOrphan("README.Docker.md", rec, text, text, true)).toMatchObject({ status: "pruned", next: null });
    // Without its base, the recorded hash says it is as written.
    expect(decideOrphan("README.Docker.md", rec, text, null, true)).toMatchObject({ status: "pruned", next: null });
    const edited = `${text}\nMy notes.\n`;
    expect(decideOrphan("README.Docker.md", rec, edited, text, true)).toMatchObject({ status: "orphaned", next: edited, edited: true, note: expect.stringContaining("you edited it") });
  });

  it("one already deleted is forgotten", () => {
    expect(decideOrphan("README.Docker.md", rec, null, text, true)).toMatchObject({ status: "forgotten", next: null });
  });

  it("--prune takes our block out of a Makefile and keeps your lines; a block-only file is deleted", () => {
    const mine = ".PHONY: test\ntest:\n\tpytest\n";
    const withBlock = `${mine}\n${wrapBlock(flask.Makefile)}`;
    const blockRecord: FileRecord = { strategy: "managed-block", sha256: sha256(withBlock) };
    expect(decideOrphan("Makefile", blockRecord, withBlock, flask.Makefile, true)).toMatchObject({ status: "pruned", next: mine });
    expect(decideOrphan("Makefile", blockRecord, wrapBlock(flask.Makefile), flask.Makefile, true)).toMatchObject({ status: "pruned", next: null });
    expect(decideOrphan("Makefile", blockRecord, withBlock, flask.Makefile, false).status).toBe("orphaned");
    const editedBlock = `${mine}\n${wrapBlock(`${flask.Makefile}extra:\n\techo\n`)}`;
    expect(decideOrphan("Makefile", blockRecord, editedBlock, flask.Makefile, true).status).toBe("orphaned");
  });

  it("planUpdate lists the rendered files, then the recorded ones no longer rendered", () => {
    const decisions = planUpdate({
      rendered: [{ path: "Dockerfile", strategy: "whole", content: flask.Dockerfile }],
      current: new Map<string, string | null>([
        ["Dockerfile", flask.Dockerfile],
        ["README.Docker.md", text],
      ]),
      bases: new Map([["Dockerfile", flask.Dockerfile]]),
      records: { Dockerfile: record(flask.Dockerfile), "README.Docker.md": rec, "old/compose.yml": { strategy: "compose", sha256: sha256("x") } },
      prune: false,
    });
    expect(decisions.map((d) => [d.path, d.status])).toEqual([
      ["Dockerfile", "identical"],
      ["README.Docker.md", "orphaned"],
      ["old/compose.yml", "forgotten"],
    ]);
  });
});

describe("the files: record and the bases", () => {
  it("update records what it writes, keeps the entry of what it leaves, drops what is gone", () => {
    const prev = { Dockerfile: record("old"), "env.example": record("written"), "README.Docker.md": record("r"), ".dockerignore": record("i") };
    const next = updateRecords(prev, [
      { path: "Dockerfile", status: "merged", current: "yours", next: "merged" },
      { path: "env.example", status: "kept", current: "yours", next: "yours" },
      { path: "README.Docker.md", status: "pruned", current: "r", next: null },
      { path: ".dockerignore", status: "orphaned", current: "i", next: "i" },
      { path: "docker-compose.yml", status: "create", current: null, next: "c" },
    ]);
    expect(next).toEqual({
      Dockerfile: { strategy: "lines", sha256: sha256("merged") },
      ".dockerignore": prev[".dockerignore"],
      "docker-compose.yml": { strategy: "compose", sha256: sha256("c") },
      "env.example": prev["env.example"],
    });
    expect(Object.keys(next)).toEqual(["Dockerfile", ".dockerignore", "docker-compose.yml", "env.example"]);
  });

  it("init records each file as it leaves it and keeps entries of files it did not render", () => {
    const prev = { "README.Docker.md": record("r") };
    expect(initRecords(prev, [{ path: "Dockerfile", status: "create", current: null, next: "d" }])).toEqual({ Dockerfile: { strategy: "lines", sha256: sha256("d") }, "README.Docker.md": prev["README.Docker.md"] });
  });

  it("each base is the template output, written only when it changed; .docker-scaffold.yml has none", () => {
    const bases = decideBases(
      [
        { path: "Dockerfile", strategy: "whole", content: "d" },
        { path: "Makefile", strategy: "managed-block", content: "m" },
        { path: ".gitignore", strategy: "managed-block", content: "g" },
        { path: ".docker-scaffold.yml", strategy: "whole", content: "a" },
      ],
      new Map([
        [".docker-scaffold/base/Dockerfile", "d"],
        [".docker-scaffold/base/Makefile", "old"],
      ]),
    );
    expect(bases.map((b) => [b.path, b.status, b.next])).toEqual([
      [".docker-scaffold/base/Dockerfile", "identical", "d"],
      [".docker-scaffold/base/Makefile", "update", "m"],
      [".docker-scaffold/base/.gitignore", "create", "g"],
    ]);
  });
});
