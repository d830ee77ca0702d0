// Golden files: the rendered output of every case, byte for byte. In CI a missing golden
// fails (vitest does not write new file snapshots when CI is set).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInit } from "../../src/init/run-init.js";
import { readTree, tempDir } from "../helpers/tmp.js";
import { goldenCases, writeExisting } from "./golden-cases.js";
import { fakeDigest, renderCase, renderCaseArgs } from "./render-case.js";

describe.each(goldenCases())("golden $name", (c) => {
  it("renders exactly the reviewed files", async () => {
    const files = await renderCase(c);
    const expectedDir = join(c.dir, "expected");
    for (const [path, content] of Object.entries(files)) {
      await expect(content, `${c.name}/${path}`).toMatchFileSnapshot(join(expectedDir, path));
    }
    // No stale golden left behind for a file that is no longer rendered (starter apps have folders).
    if (existsSync(expectedDir)) expect(Object.keys(readTree(expectedDir)).sort()).toEqual(Object.keys(files).sort());
  });

  it("is reproduced IDENTICAL by a second run with --yes", async () => {
    const dir = tempDir();
    writeExisting(dir, c.existing);
    await runInit({ dir, cwd: dir, resolveDigest: fakeDigest, ...renderCaseArgs(c.args) });
    // The second run takes everything from .docker-scaffold.yml (no preset flag, no answers).
    const again = await runInit({ dir, dryRun: true, flags: {} });
    expect(again.files.filter((f) => f.status !== "identical")).toEqual([]);
  });
});
