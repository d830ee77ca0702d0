// RUN bodies as simple commands, from shell-quote's tokens (a tokenizer, not a
// full parser: enough to know which commands run, with which words, in which pipeline).
import { parse as tokenize } from "shell-quote";

export interface SimpleCommand {
  /** Command name after wrappers (sudo, env, exec, ...) and assignments, basename only. */
  name: string;
  /** Words after the name. */
  args: string[];
  /** Wrapper commands stripped in front of it (`sudo`, `env`, ...). */
  wrappers: string[];
  /** `VAR=value` assignments in front of the command. */
  assignments: string[];
  /** Pipeline this command belongs to and its position in it. */
  pipeline: number;
  pipeIndex: number;
}

export interface ShellScript {
  commands: SimpleCommand[];
  /** Number of commands per pipeline id. */
  pipelineLengths: number[];
}

type Token = ReturnType<typeof tokenize>[number];

const SEPARATORS = new Set([";", "&&", "||", "&", ";;", "(", ")", "|&"]);
const REDIRECTS = new Set([">", ">>", "<", ">&", "<&", "<(", ">|", "<<<", "&>", "&>>"]);
const KEYWORDS = new Set(["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "time"]);
const WRAPPERS: Record<string, ReadonlySet<string>> = {
  // wrapper -> its flags that take a value
  sudo: new Set(["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U"]),
  env: new Set(["-u", "-C", "-S"]),
  exec: new Set(["-a"]),
  command: new Set(),
  nohup: new Set(),
  nice: new Set(["-n"]),
  timeout: new Set(["-s", "-k"]),
  xargs: new Set(["-I", "-n", "-P", "-d", "-a", "-E", "-L", "-s"]),
  gosu: new Set(),
  "su-exec": new Set(),
};
const SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh"]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const MAX_NESTING = 3;
const HASH = "\uE000";
/** Words after which `case` is the keyword, not an argument (`echo case x in` is not a case). */
const CASE_LEADERS = new Set(["do", "then", "else", "{", "!"]);

/**
 * shell-quote's time grows with the square of the token count, so long scripts are
 * tokenized in pieces cut at top-level `&&`, `||`, `;` and `|`, and a single piece that is
 * still longer than MAX_PIECE (one enormous command) is read only up to that length.
 */
const CHUNK = 512;
const MAX_PIECE = 2048;

interface Piece {
  text: string;
  /** The piece continues the previous one's pipeline (it was cut at a `|`). */
  piped: boolean;
}

/** Parse a shell-form RUN body into simple commands; never throws. */
export function parseShell(script: string, nesting = 0): ShellScript {
  if (script.length <= CHUNK) return parseChunk(script, nesting);
  const out: ShellScript = { commands: [], pipelineLengths: [] };
  for (const piece of splitScript(script, CHUNK)) {
    const part = parseChunk(piece.text.length > MAX_PIECE ? piece.text.slice(0, piece.text.lastIndexOf(" ", MAX_PIECE) + 1 || MAX_PIECE) : piece.text, nesting);
    const joined = piece.piped && out.pipelineLengths.length > 0;
    const offset = joined ? out.pipelineLengths.length - 1 : out.pipelineLengths.length;
    const indexShift = joined ? (out.pipelineLengths[offset] ?? 0) : 0;
    for (const cmd of part.commands) {
      const first = cmd.pipeline === 0;
      out.commands.push({ ...cmd, pipeline: cmd.pipeline + offset, pipeIndex: cmd.pipeIndex + (first ? indexShift : 0) });
    }
    part.pipelineLengths.forEach((n, i) => (out.pipelineLengths[i + offset] = n + (i === 0 ? indexShift : 0)));
  }
  return out;
}

/** Cut at top-level list and pipe operators (outside quotes and escapes), about every `size` characters. */
export function splitScript(script: string, size: number): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  let piped = false;
  let quote: string | undefined;
  const cut = (end: number, next: number, nextPiped: boolean) => {
    pieces.push({ text: script.slice(start, end), piped });
    start = next;
    piped = nextPiped;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (ch === "\\") {
      i += 1;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      continue;
    }
    if (i - start < size) continue;
    const two = script.slice(i, i + 2);
    if (two === "&&" || two === "||") {
      cut(i, i + 2, false);
      i += 1;
    } else if (ch === ";") {
      cut(i, i + 1, false);
    } else if (ch === "|") {
      cut(i, i + 1, true);
    }
  }
  pieces.push({ text: script.slice(start), piped });
  return pieces;
}

function parseChunk(script: string, nesting: number): ShellScript {
  const out: ShellScript = { commands: [], pipelineLengths: [] };
  let tokens: Token[];
  try {
    // `$(` would confuse the tokenizer; treat command substitution as a subshell.
    // shell-quote starts a comment at any `#`, POSIX only at the start of a word:
    // hide mid-word `#` (git URLs `repo.git#v1`, `${#var}`) and restore it in the words.
    const prepared = script.replace(/\$\(/g, " ( ").replace(/(?<=[^\s;&|()])#/g, HASH);
    tokens = tokenize(prepared, (key) => "${" + key + "}").map((t) =>
      typeof t === "string" ? t.replaceAll(HASH, "#") : "pattern" in t ? { ...t, pattern: t.pattern.replaceAll(HASH, "#") } : t,
    );
  } catch {
    return out;
  }
  let words: string[] = [];
  let pipeline = 0;
  let pipeIndex = 0;
  let skipNext = false;
  // Inside `case WORD in`, until `)`: a pattern list, where `|` separates alternatives (not a pipe).
  let caseDepth = 0;
  let inPatterns = false;
  const flush = () => {
    if (words.length > 0) addCommand(out, words, pipeline, pipeIndex, nesting);
    words = [];
  };
  for (const tok of tokens) {
    if (inPatterns) {
      if (typeof tok === "object" && "op" in tok && String(tok.op) === ")") inPatterns = false;
      else if (tok === "esac") {
        caseDepth -= 1;
        inPatterns = false;
      }
      continue;
    }
    if (typeof tok === "string" && caseDepth > 0 && tok === "esac" && words.length === 0) {
      caseDepth -= 1;
      continue;
    }
    if (typeof tok === "string" && tok === "in" && words.length >= 2 && words[words.length - 2] === "case" && (words.length === 2 || CASE_LEADERS.has(words[words.length - 3]!))) {
      // `do case "$x" in`: what came before `case` (a keyword) is kept as it was.
      words = words.slice(0, -2);
      flush();
      caseDepth += 1;
      inPatterns = true;
      continue;
    }
    if (typeof tok === "object" && "op" in tok && String(tok.op) === ";;" && caseDepth > 0) {
      flush();
      pipeline += 1;
      pipeIndex = 0;
      inPatterns = true;
      continue;
    }
    if (typeof tok === "string") {
      if (skipNext) {
        skipNext = false;
        continue;
      }
      words.push(tok);
      continue;
    }
    if ("comment" in tok) continue;
    if ("pattern" in tok) {
      if (!skipNext) words.push(String(tok.pattern));
      skipNext = false;
      continue;
    }
    if (!("op" in tok)) continue;
    const op = String(tok.op);
    if (op === "|") {
      flush();
      pipeIndex += 1;
      continue;
    }
    if (REDIRECTS.has(op)) {
      // `2>&1`: the fd number was pushed as a word; drop it.
      const last = words[words.length - 1];
      if (last !== undefined && /^\d$/.test(last)) words.pop();
      skipNext = true;
      continue;
    }
    if (SEPARATORS.has(op)) {
      flush();
      pipeline += 1;
      pipeIndex = 0;
    }
  }
  flush();
  return out;
}

function addCommand(out: ShellScript, raw: string[], pipeline: number, pipeIndex: number, nesting: number): void {
  let words = raw.slice();
  while (words.length > 0 && KEYWORDS.has(words[0] ?? "")) words.shift();
  if (words[0] === "for" || words[0] === "case" || words[0] === "select") return;
  const assignments: string[] = [];
  while (words.length > 0 && ASSIGNMENT.test(words[0] ?? "")) assignments.push(words.shift() as string);
  const wrappers: string[] = [];
  for (;;) {
    const head = baseName(words[0] ?? "");
    const valued = WRAPPERS[head];
    if (!valued || words.length < 2) break;
    wrappers.push(head);
    words.shift();
    while (words.length > 0) {
      const w = words[0] as string;
      if (w === "--") {
        words.shift();
        break;
      }
      if (head === "env" && ASSIGNMENT.test(w)) {
        assignments.push(words.shift() as string);
        continue;
      }
      if (!w.startsWith("-")) break;
      words.shift();
      if (valued.has(w)) words.shift();
    }
  }
  if (words.length === 0) return;
  const name = baseName(words[0] as string);
  const args = words.slice(1);
  out.commands.push({ name, args, wrappers, assignments, pipeline, pipeIndex });
  out.pipelineLengths[pipeline] = Math.max(out.pipelineLengths[pipeline] ?? 0, pipeIndex + 1);
  // `sh -c "..."`: the string is a script too.
  const c = args.indexOf("-c");
  if (SHELLS.has(name) && c >= 0 && args[c + 1] !== undefined && nesting < MAX_NESTING) {
    const inner = parseShell(args[c + 1] as string, nesting + 1);
    const offset = out.pipelineLengths.length;
    for (const cmd of inner.commands) out.commands.push({ ...cmd, pipeline: cmd.pipeline + offset });
    inner.pipelineLengths.forEach((n, i) => (out.pipelineLengths[i + offset] = n));
  }
}

export function baseName(word: string): string {
  const i = word.lastIndexOf("/");
  return i >= 0 ? word.slice(i + 1) : word;
}

/** Words that do not start with "-", after dropping the values of `valued` flags. */
export function positionalArgs(args: readonly string[], valued: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--") {
      out.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("-")) {
      if (valued.has(a)) i += 1;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** True when a flag is present, long (`--yes`) or short, also inside a cluster (`-qy`). */
export function hasFlag(args: readonly string[], long: readonly string[], short: readonly string[] = []): boolean {
  for (const a of args) {
    if (a === "--") return false;
    if (a.startsWith("--")) {
      const name = a.slice(2).split("=")[0] ?? "";
      if (long.includes(name)) return true;
    } else if (a.startsWith("-") && a.length > 1) {
      const cluster = a.slice(1);
      if (short.some((s) => (s.length === 1 ? cluster.includes(s) : cluster === s || cluster.startsWith(s)))) return true;
    }
  }
  return false;
}
