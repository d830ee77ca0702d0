// Reading (never running) the commands in package.json scripts and Procfiles.

/** A command line split into `&&`/`;`/`||` segments of argv words, quotes removed. */
export function splitCommand(line: string): string[][] {
  const segments: string[][] = [];
  let words: string[] = [];
  let word = "";
  let quote: string | null = null;
  let hasWord = false;
  const endWord = () => {
    if (hasWord) words.push(word);
    word = "";
    hasWord = false;
  };
  const endSegment = () => {
    endWord();
    if (words.length > 0) segments.push(words);
    words = [];
  };
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote) {
      if (char === quote) quote = null;
      else word += char;
      continue;
    }
    if (char === "'" || char === '"') {
      quote = char;
      hasWord = true;
    } else if (char === " " || char === "\t" || char === "\n") {
      endWord();
    } else if (char === ";" || (char === "&" && line[i + 1] === "&") || (char === "|" && line[i + 1] === "|")) {
      if (char !== ";") i++;
      endSegment();
    } else if (char === "|" || char === "&" || char === ">" || char === "<") {
      // A pipe, background job or redirection: not a plain command; keep it visible.
      endWord();
      words.push(char);
    } else {
      word += char;
      hasWord = true;
    }
  }
  endSegment();
  return segments;
}

/** Leading VAR=value words and env wrappers (cross-env, env, dotenv -e f --) removed; the assignments returned. */
export function stripEnvPrefix(words: string[]): { argv: string[]; env: Record<string, string> } {
  const env: Record<string, string> = {};
  let rest = [...words];
  for (;;) {
    const first = rest[0];
    if (first === undefined) break;
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(first);
    if (assignment) {
      env[assignment[1]!] = assignment[2]!;
      rest = rest.slice(1);
    } else if (first === "cross-env" || first === "env" || first === "cross-env-shell") {
      rest = rest.slice(1);
    } else if (first === "dotenv" || first === "dotenv-cli") {
      const dash = rest.indexOf("--");
      rest = dash >= 0 ? rest.slice(dash + 1) : rest.slice(1);
    } else if (first === "exec") {
      rest = rest.slice(1);
    } else break;
  }
  return { argv: rest, env };
}

/** The value of a flag: `--port 8000`, `--port=8000`, `-p 8000`. */
export function flagValue(argv: string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    for (const name of names) {
      if (word === name) return argv[i + 1];
      if (name.startsWith("--") && word.startsWith(`${name}=`)) return word.slice(name.length + 1);
    }
  }
  return undefined;
}
