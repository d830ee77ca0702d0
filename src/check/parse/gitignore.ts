// .gitignore read beside the checked files (git's semantics via the `ignore` package).
import ignore from "ignore";

export interface GitignoreModel {
  ignores(path: string): boolean;
}

/** No real pattern is this long; the matcher's regexes get slow on such lines. */
const MAX_PATTERN = 1024;

export function parseGitignore(text: string): GitignoreModel {
  try {
    const ig = ignore().add(text.split(/\r?\n/).filter((l) => l.length <= MAX_PATTERN));
    return {
      ignores: (path) => {
        try {
          return ig.ignores(path);
        } catch {
          return false;
        }
      },
    };
  } catch {
    return { ignores: () => false };
  }
}
