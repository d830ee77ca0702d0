// Parsers that never throw: a broken manifest becomes a problem line, not a crash.
import { parse as parseTomlText } from "smol-toml";
import { parse as parseYamlText } from "yaml";

export type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; problem: string };

export function parseJson(text: string): Parsed {
  try {
    return asObject(JSON.parse(text), "JSON");
  } catch (error) {
    return { ok: false, problem: `invalid JSON (${firstLine(error)})` };
  }
}

export function parseToml(text: string): Parsed {
  try {
    return asObject(parseTomlText(text), "TOML");
  } catch (error) {
    return { ok: false, problem: `invalid TOML (${firstLine(error)})` };
  }
}

export function parseYaml(text: string): Parsed {
  try {
    // maxAliasCount bounds alias expansion ("billion laughs").
    return asObject(parseYamlText(text, { maxAliasCount: 100 }), "YAML");
  } catch (error) {
    return { ok: false, problem: `invalid YAML (${firstLine(error)})` };
  }
}

function asObject(value: unknown, kind: string): Parsed {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return { ok: true, value: value as Record<string, unknown> };
  }
  return { ok: false, problem: `${kind} is not an object/table at the top level` };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? "").slice(0, 120);
}

/** Typed accessors for untyped parsed data. */
export function getPath(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function getString(value: unknown, ...keys: string[]): string | undefined {
  const found = getPath(value, ...keys);
  return typeof found === "string" ? found : undefined;
}

export function getRecord(value: unknown, ...keys: string[]): Record<string, unknown> | undefined {
  const found = getPath(value, ...keys);
  return found !== null && typeof found === "object" && !Array.isArray(found)
    ? (found as Record<string, unknown>)
    : undefined;
}

export function getStringArray(value: unknown, ...keys: string[]): string[] | undefined {
  const found = getPath(value, ...keys);
  return Array.isArray(found) ? found.filter((item): item is string => typeof item === "string") : undefined;
}

/** Text parsed as KEY=VALUE lines (.env files); comments and `export ` are skipped. */
export function parseDotenv(text: string): { key: string; value: string; line: number }[] {
  const out: { key: string; value: string; line: number }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(raw);
    if (!match) return;
    let value = (match[2] ?? "").trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? "";
    else value = value.replace(/\s+#.*$/, "");
    out.push({ key: match[1] ?? "", value, line: index + 1 });
  });
  return out;
}
