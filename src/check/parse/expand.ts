// Variable substitution the way Docker's shell lexer (BuildKit) and Compose do it:
// $VAR, ${VAR}, ${VAR:-word}, ${VAR-word}, ${VAR:+word}, ${VAR+word}, ${VAR:?msg}, ${VAR?msg}.
// Used to expand ARG defaults in FROM and to read `${VAR:-default}` in compose values.

export type Lookup = (name: string) => string | undefined;

export interface Expansion {
  value: string;
  /** Variables that had no value and no default (they expand to ""). */
  missing: string[];
  /** Every variable name referenced, in order. */
  names: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Expand variables in `text`. `dollarEscape` is Compose's `$$` (a literal `$`);
 * Dockerfiles escape with a backslash instead, which `backslashEscape` handles.
 */
export function expandVars(
  text: string,
  lookup: Lookup,
  opts: { dollarEscape?: boolean; backslashEscape?: boolean; depth?: number; unknownAs?: string } = {},
): Expansion {
  const missing: string[] = [];
  const names: string[] = [];
  const depth = opts.depth ?? 0;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (opts.backslashEscape && ch === "\\" && text[i + 1] === "$") {
      out += "$";
      i += 2;
      continue;
    }
    if (ch !== "$") {
      out += ch;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (opts.dollarEscape && next === "$") {
      out += "$";
      i += 2;
      continue;
    }
    if (next === "{") {
      const close = findClose(text, i + 2);
      if (close < 0) {
        out += text.slice(i);
        break;
      }
      const inner = text.slice(i + 2, close);
      out += expandBraced(inner, lookup, opts, depth, missing, names);
      i = close + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (!m) {
      out += "$";
      i += 1;
      continue;
    }
    const name = m[0];
    names.push(name);
    const v = lookup(name);
    if (v === undefined) missing.push(name);
    out += v ?? opts.unknownAs ?? "";
    i += 1 + name.length;
  }
  return { value: out, missing, names };
}

function findClose(text: string, from: number): number {
  let level = 1;
  for (let j = from; j < text.length; j++) {
    if (text[j] === "{") level += 1;
    else if (text[j] === "}") {
      level -= 1;
      if (level === 0) return j;
    }
  }
  return -1;
}

function expandBraced(
  inner: string,
  lookup: Lookup,
  opts: { dollarEscape?: boolean; backslashEscape?: boolean; unknownAs?: string },
  depth: number,
  missing: string[],
  names: string[],
): string {
  const m = NAME.exec(inner);
  if (!m) return "";
  const name = m[0];
  names.push(name);
  const rest = inner.slice(name.length);
  const value = lookup(name);
  const op = /^(:?[-+?=])/.exec(rest)?.[1];
  const word = op ? rest.slice(op.length) : "";
  const sub = () => {
    if (depth > 8) return word;
    const e = expandVars(word, lookup, { ...opts, depth: depth + 1 });
    missing.push(...e.missing);
    names.push(...e.names);
    return e.value;
  };
  const unset = value === undefined;
  const emptyOrUnset = unset || value === "";
  switch (op) {
    case ":-":
    case ":=":
      return emptyOrUnset ? sub() : value;
    case "-":
    case "=":
      return unset ? sub() : value;
    case ":+":
      return emptyOrUnset ? "" : sub();
    case "+":
      return unset ? "" : sub();
    case ":?":
    case "?":
      if (unset) missing.push(name);
      return value ?? opts.unknownAs ?? "";
    default:
      if (unset) missing.push(name);
      return value ?? opts.unknownAs ?? "";
  }
}

/** Names referenced by `text` (with `$$` escapes skipped when asked). */
export function referencedVars(text: string, dollarEscape = true): string[] {
  return expandVars(text, () => "", { dollarEscape }).names;
}
