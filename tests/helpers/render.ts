// Real rendered files without a disk: a built-in preset plus `--set` values, planned and
// rendered as `init --preset <name> --yes --set ...` would (no detection).
import { buildPlan } from "../../src/model/build-plan.js";
import type { OutputFile, RenderedFile } from "../../src/model/plan.js";
import { resolveAnswers } from "../../src/model/resolve.js";
import { parseSetValues } from "../../src/model/set-values.js";
import { loadPreset } from "../../src/presets/load-preset.js";
import { renderPlan } from "../../src/render/render-plan.js";
import { GENERATOR } from "../../src/version.js";

/** Each output's content. `ownsMakefile: false` renders the block for a Makefile that has the user's own lines. */
export function renderPreset(preset: string, set: string[] = [], options: { name?: string; ownsMakefile?: boolean } = {}): Record<OutputFile, string> {
  const p = loadPreset(preset, process.cwd());
  const resolved = resolveAnswers(
    [
      { source: "--set", explicit: true, answers: parseSetValues([`name=${options.name ?? preset}`, ...set]) },
      { source: `preset:${p.name}`, explicit: false, answers: p.answers },
    ],
    { dirName: "app" },
  );
  const plan = buildPlan({ resolved, preset: { name: p.name, version: p.version }, generator: GENERATOR });
  const files: RenderedFile[] = renderPlan(plan, { Makefile: options.ownsMakefile ?? true });
  return Object.fromEntries(files.map((f) => [f.path, f.content])) as Record<OutputFile, string>;
}
