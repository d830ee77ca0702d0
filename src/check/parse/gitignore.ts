// .gitignore read beside the checked files (git's semantics via the `ignore` package).
import ignore from "ignore";

export interface GitignoreModel {
  ignores(path: string): boolean;
}

export function parseGitignore(text: string): GitignoreModel {
  try {
    const ig = ignore().add(text);
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
