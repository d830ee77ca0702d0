// The line-based three-way merge on real rendered files: an edit of yours survives a
// template change, an edit on the same lines conflicts, the three resolutions, a line you
// add beside a changed one, and the two-way merge when there is no base.
import { describe, expect, it } from "vitest";
import { MARKERS, formatLineConflicts, lineConflicts, mergeLines, resolveLines } from "../../src/update/merge-lines.js";
import { renderPreset } from "../helpers/render.js";

const v8000 = renderPreset("python-flask");
const v9000 = renderPreset("python-flask", ["port=9000"]);

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} is not in the file`);
  return text.replace(from, to);
}

describe("mergeLines on the Dockerfile (port 8000 -> 9000)", () => {
  const base = v8000.Dockerfile;
  const theirs = v9000.Dockerfile;

  it("your line far from the change survives, and the template's change arrives", () => {
    const ours = replaceOnce(base, "# syntax=docker/dockerfile:1\n", "# syntax=docker/dockerfile:1\n# Owned by the payments team.\n");
    const chunks = mergeLines(base, ours, theirs);
    expect(lineConflicts(chunks)).toEqual([]);
    expect(resolveLines(chunks, "ours")).toBe(replaceOnce(theirs, "# syntax=docker/dockerfile:1\n", "# syntax=docker/dockerfile:1\n# Owned by the payments team.\n"));
  });

  it("your edit of a line the template changes too is a conflict, with all three versions", () => {
    const ours = replaceOnce(base, '"--workers", "2"', '"--workers", "4"');
    const chunks = mergeLines(base, ours, theirs);
    const conflicts = lineConflicts(chunks);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.ours.join("\n")).toContain('"0.0.0.0:8000", "--workers", "4"');
    expect(conflicts[0]!.base!.join("\n")).toContain('"0.0.0.0:8000", "--workers", "2"');
    expect(conflicts[0]!.theirs.join("\n")).toContain('"0.0.0.0:9000", "--workers", "2"');
    expect(ours.split("\n")[conflicts[0]!.line - 1]).toContain("CMD [");
    // The other changes of the template (EXPOSE, ENV PORT, HEALTHCHECK) merge cleanly.
    const mine = resolveLines(chunks, "ours");
    expect(mine).toContain("EXPOSE 9000");
    expect(mine).toContain('"0.0.0.0:8000", "--workers", "4"');
    expect(resolveLines(chunks, "theirs")).toBe(theirs);
    const marked = resolveLines(chunks, "markers");
    expect(marked).toContain(`${MARKERS.ours}\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "4"`);
    expect(marked).toContain(`\n${MARKERS.base}\n`);
    expect(marked).toContain(`\n${MARKERS.separator}\nCMD ["gunicorn", "--bind", "0.0.0.0:9000", "--workers", "2"`);
    expect(marked).toMatch(new RegExp(`\\n${MARKERS.theirs}\\n`));
    expect(marked).toContain("EXPOSE 9000");
    expect(formatLineConflicts("Dockerfile", conflicts)).toMatch(/^Dockerfile:\d+:\n<<<<<<< yours\n/);
  });

  it("a line you add right beside one the template changes is kept beside the new line", () => {
    const ours = replaceOnce(base, "EXPOSE 8000\n", "# Also serves metrics on /metrics.\nEXPOSE 8000\n");
    const chunks = mergeLines(base, ours, theirs);
    expect(lineConflicts(chunks)).toEqual([]);
    expect(resolveLines(chunks, "ours")).toContain("# Also serves metrics on /metrics.\nEXPOSE 9000\n");
  });

  it("the same change on both sides is no conflict", () => {
    const chunks = mergeLines(base, theirs, theirs);
    expect(lineConflicts(chunks)).toEqual([]);
    expect(resolveLines(chunks, "ours")).toBe(theirs);
  });
});

describe("mergeLines on env.example", () => {
  it("a variable you append after the changed port line is kept after the new one", () => {
    const ours = `${v8000["env.example"]}SENTRY_DSN=\n`;
    const chunks = mergeLines(v8000["env.example"], ours, v9000["env.example"]);
    expect(lineConflicts(chunks)).toEqual([]);
    expect(resolveLines(chunks, "ours")).toBe(`${v9000["env.example"]}SENTRY_DSN=\n`);
  });

  it("your own value for the changed line conflicts", () => {
    const ours = replaceOnce(v8000["env.example"], "HOST_PORT=8000", "HOST_PORT=8080");
    expect(lineConflicts(mergeLines(v8000["env.example"], ours, v9000["env.example"]))).toHaveLength(1);
  });
});

describe("mergeLines on .dockerignore (flask -> django adds lines)", () => {
  const base = v8000[".dockerignore"];
  const theirs = renderPreset("python-flask", ["framework=django", "startCommand=gunicorn app.wsgi"])[".dockerignore"];

  it("the template's new lines arrive, your own line stays", () => {
    expect(theirs).not.toBe(base);
    const ours = replaceOnce(base, ".git\n", ".git\nscratch/\n");
    const chunks = mergeLines(base, ours, theirs);
    expect(lineConflicts(chunks)).toEqual([]);
    expect(resolveLines(chunks, "ours")).toBe(replaceOnce(theirs, ".git\n", ".git\nscratch/\n"));
  });

  it("lines added at the same place by both sides conflict (nothing says which goes first)", () => {
    const ours = replaceOnce(base, "*.egg-info/\n", "*.egg-info/\nnotebooks/\n");
    const conflicts = lineConflicts(mergeLines(base, ours, theirs));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.base).toEqual([]);
  });
});

describe("without a base (the file was never recorded)", () => {
  it("every difference is a conflict; equal lines merge; markers have no base section", () => {
    const ours = replaceOnce(v8000.Dockerfile, "# syntax=docker/dockerfile:1\n", "# syntax=docker/dockerfile:1\n# mine\n");
    const chunks = mergeLines(null, ours, v9000.Dockerfile);
    const conflicts = lineConflicts(chunks);
    expect(conflicts.length).toBeGreaterThan(1);
    expect(conflicts.every((c) => c.base === null)).toBe(true);
    expect(conflicts[0]).toMatchObject({ line: 2, ours: ["# mine"], theirs: [] });
    expect(resolveLines(chunks, "ours")).toBe(ours);
    expect(resolveLines(chunks, "theirs")).toBe(v9000.Dockerfile);
    const marked = resolveLines(chunks, "markers");
    expect(marked).not.toContain(MARKERS.base);
    expect(marked).toContain(`${MARKERS.ours}\n# mine\n${MARKERS.separator}\n${MARKERS.theirs}\n`);
  });

  it("identical files merge to themselves", () => {
    expect(lineConflicts(mergeLines(null, v8000.Dockerfile, v8000.Dockerfile))).toEqual([]);
  });
});
