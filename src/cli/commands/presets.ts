// `docker-scaffold presets [--json]`: the built-in presets with a line each.
import { listBuiltinPresets } from "../../presets/load-preset.js";
import type { CliIo } from "../io.js";

export function presetsAction(f: { json?: boolean }, io: CliIo): void {
  const presets = listBuiltinPresets();
  if (f.json) {
    io.out(JSON.stringify(presets.map((p) => ({ name: p.name, version: p.version, description: p.description, origin: p.origin, answers: p.answers })), null, 2));
    return;
  }
  const width = Math.max(...presets.map((p) => p.name.length));
  io.out(["Built-in presets (use with --preset NAME):", ...presets.map((p) => `  ${p.name.padEnd(width)}  ${p.description}`)].join("\n"));
}
