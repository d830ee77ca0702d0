// `docker-scaffold presets [--json]`: the built-in presets, the team presets the user config
// lists, and the repository's own (.docker-scaffold/presets/*.yaml), each with its source.
// `docker-scaffold presets export [dir]`: a repository's effective answers as a preset file.
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { Document } from "yaml";
import { ScaffoldError, UsageError } from "../../errors.js";
import { listBuiltinPresets } from "../../presets/load-preset.js";
import type { CliIo } from "../io.js";

interface Listed {
  name: string;
  version: string;
  description: string;
  /** "builtin", or the reference it is used by (`acme:python-api`, `./.docker-scaffold/presets/x.yaml`). */
  origin: string;
  source: "builtin" | "config" | "local";
  answers: Record<string, unknown>;
  locked?: string[];
  error?: string;
}

export async function presetsAction(f: { json?: boolean; offline?: boolean }, io: CliIo): Promise<void> {
  const presets: Listed[] = listBuiltinPresets().map((p) => ({ name: p.name, version: p.version, description: p.description, origin: p.origin, source: "builtin", answers: p.answers as Record<string, unknown> }));
  const { loadContext, loadPresetRef } = await import("../../packs/load.js");
  const ctx = loadContext({ cwd: io.cwd, target: io.cwd, offline: f.offline });
  const localDir = join(io.cwd, ".docker-scaffold", "presets");
  const local = existsSync(localDir) ? readdirSync(localDir).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => `./.docker-scaffold/presets/${n}`) : [];
  const team: [string, "config" | "local"][] = [...ctx.config.presets.map((r) => [r, "config"] as [string, "config"]), ...local.map((r) => [r, "local"] as [string, "local"])];
  for (const [ref, source] of team) {
    try {
      const p = loadPresetRef(ref, ctx);
      presets.push({ name: p.name, version: p.version, description: p.description, origin: ref, source, answers: p.answers as Record<string, unknown>, locked: p.locked.map((l) => l.key) });
    } catch (err) {
      if (!(err instanceof ScaffoldError)) throw err;
      presets.push({ name: "?", version: "", description: "", origin: ref, source, answers: {}, error: err.message.split("\n")[0]! });
    }
  }
  if (f.json) {
    io.out(JSON.stringify(presets, null, 2));
    return;
  }
  const section = (title: string, list: Listed[], key: (p: Listed) => string) => {
    if (!list.length) return [];
    const width = Math.max(...list.map((p) => key(p).length));
    return [
      title,
      ...list.map((p) =>
        p.error ? `  ${key(p).padEnd(width)}  (cannot be read: ${p.error})` : `  ${key(p).padEnd(width)}  ${p.description || p.name}${p.source === "builtin" ? "" : ` [${p.name}@${p.version}${p.locked?.length ? `; locks ${p.locked.join(", ")}` : ""}]`}`,
      ),
    ];
  };
  const lines = [
    ...section("Built-in presets (use with --preset NAME):", presets.filter((p) => p.source === "builtin"), (p) => p.name),
    ...section(`Team presets (from ${ctx.config.file}):`, presets.filter((p) => p.source === "config"), (p) => p.origin),
    ...section("Local presets (.docker-scaffold/presets/):", presets.filter((p) => p.source === "local"), (p) => p.origin),
  ];
  io.out(lines.join("\n"));
}

export interface ExportFlags {
  output?: string;
  name?: string;
  presetVersion?: string;
  description?: string;
  app?: string;
}

/** The repository's effective answers (what `update` would render from) as a preset file. */
export async function presetsExportAction(dir: string, f: ExportFlags, io: CliIo): Promise<void> {
  const { prepareRun } = await import("../../init/prepare.js");
  const prepared = await prepareRun({ dir, cwd: io.cwd, app: f.app, prompter: null, requireRecorded: true });
  const version = f.presetVersion ?? "1.0.0";
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new UsageError(`--preset-version ${version} is not x.y.z`);
  const name = f.name ?? `${prepared.resolved.answers.name}-standard`;
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) throw new UsageError(`--name ${name} is not a preset name (lower-case letters, digits, . _ -)`);
  // Every answer a preset, the answers file, a flag or detection set; not the image name
  // (each repository's own), nor what defaults derive (a start command follows the port).
  const sources = prepared.resolved.sources as Record<string, string | undefined>;
  const answers = Object.fromEntries(
    Object.entries(prepared.resolved.answers as unknown as Record<string, unknown>).filter(([k]) => k !== "name" && sources[k] !== undefined && sources[k] !== "default"),
  );
  const out = f.output ? resolve(io.cwd, f.output) : null;
  const { recordedRef } = await import("../../packs/for-run.js");
  const templates = (prepared.plan.sharing?.templates ?? []).map((t) => (out ? recordedRef(t, prepared.dir, dirname(out)) : t));
  const doc = new Document({
    apiVersion: "docker-scaffold/v1",
    kind: "Preset",
    name,
    version,
    description: f.description ?? `Exported from ${basename(prepared.dir)} by docker-scaffold presets export`,
    ...(templates.length ? { templates } : {}),
    answers,
    // The answers to the packs' questions, so that every repository of the standard gets them.
    ...(prepared.plan.sharing?.values && Object.keys(prepared.plan.sharing.values).length ? { values: prepared.plan.sharing.values } : {}),
  });
  doc.commentBefore = ` The effective answers of ${basename(prepared.dir)}: use it with --preset <this file>,\n or publish it (README: "Team presets and template packs"). policy.locked can lock answers.`;
  const text = doc.toString({ lineWidth: 0 });
  if (out) {
    writeFileSync(out, text);
    io.out(`Wrote ${out} (preset ${name}@${version}).`);
  } else io.out(text.trimEnd());
}
