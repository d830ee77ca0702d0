// Comments blanked out of source text before any pattern runs, so a commented-out
// `// app.listen(3000)` or `# PORT = 8000` is not evidence. Offsets and line numbers are
// kept: every comment character becomes a space, newlines stay.

export type CommentSyntax = "js" | "python" | "go";

export function syntaxOf(path: string): CommentSyntax | null {
  if (/\.py$/.test(path)) return "python";
  // Rust, Java and Kotlin comments are C-style, as Go's are.
  if (/\.(go|rs|java|kt)$/.test(path)) return "go";
  if (/\.[cm]?[jt]sx?$/.test(path)) return "js";
  return null;
}

export function blankComments(text: string, syntax: CommentSyntax): string {
  const out = text.split("");
  const blank = (from: number, to: number) => {
    for (let i = from; i < to && i < out.length; i++) if (out[i] !== "\n") out[i] = " ";
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const next = text[i + 1];
    if (syntax === "python" && char === "#") {
      const end = lineEnd(text, i);
      blank(i, end);
      i = end;
    } else if (syntax !== "python" && char === "/" && next === "/") {
      const end = lineEnd(text, i);
      // Go build constraints stay: they decide whether a file is part of the build.
      if (!(syntax === "go" && /^\/\/(go:build| \+build)/.test(text.slice(i, end)))) blank(i, end);
      i = end;
    } else if (syntax !== "python" && char === "/" && next === "*") {
      const close = text.indexOf("*/", i + 2);
      const end = close < 0 ? text.length : close + 2;
      blank(i, end);
      i = end;
    } else if (syntax === "python" && (text.startsWith('"""', i) || text.startsWith("'''", i))) {
      const close = text.indexOf(text.slice(i, i + 3), i + 3);
      i = close < 0 ? text.length : close + 3;
    } else if (char === '"' || char === "'" || (char === "`" && syntax !== "python")) {
      i = stringEnd(text, i, char);
    } else i++;
  }
  return out.join("");
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end < 0 ? text.length : end;
}

/** The index after a string literal; quotes other than backticks end at the line's end. */
function stringEnd(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === "\\") i++;
    else if (char === quote) return i + 1;
    else if (char === "\n" && quote !== "`") return i;
  }
  return text.length;
}
