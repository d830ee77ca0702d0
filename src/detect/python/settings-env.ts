// Settings classes read the environment too: pydantic's BaseSettings maps each field to
// a variable (upper-cased, after env_prefix).
import { lineOf, type SourceFile } from "../context.js";
import type { EnvCollector } from "../env-vars.js";

export function collectSettingsEnv(files: SourceFile[], into: EnvCollector): void {
  for (const file of files) {
    for (const match of file.text.matchAll(/^class\s+\w+\s*\(\s*(?:[\w.]+\.)?BaseSettings\s*\)\s*:\s*\n/gm)) {
      const start = match.index + match[0].length;
      const body = classBody(file.text.slice(start));
      const prefix = /env_prefix\s*=\s*['"](\w*)['"]/.exec(body)?.[1] ?? "";
      let offset = 0;
      for (const line of body.split("\n")) {
        const field = /^(\s+)([A-Za-z_][A-Za-z0-9_]*)\s*:\s*[^=\n]+?(?:=\s*(?:['"]([^'"\n]*)['"]|(\d+(?:\.\d+)?|True|False)))?\s*(?:#.*)?$/.exec(line);
        if (field && field[1] && field[1].length <= 4 && field[2] !== "model_config") {
          into.add(`${prefix}${field[2]}`.toUpperCase(), `${file.path}:${lineOf(file.text, start + offset)}`, field[3] ?? field[4]);
        }
        offset += line.length + 1;
      }
    }
  }
}

/** The indented block after a `class ...:` line (stops at the first line back at column 0). */
function classBody(rest: string): string {
  const lines: string[] = [];
  for (const line of rest.split("\n")) {
    if (line.trim() !== "" && !/^\s/.test(line)) break;
    lines.push(line);
  }
  return lines.join("\n");
}
