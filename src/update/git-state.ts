// Whether the directory has uncommitted changes in git: `update` rewrites files, so it
// wants your work committed first (then `git diff` shows exactly what it did, and
// `git checkout -- .` undoes it). Outside a git work tree there is nothing to check.
import { execFile } from "node:child_process";

/** Changed, staged or untracked paths under dir (relative to the repository root); null outside git. */
export function gitDirtyPaths(dir: string): Promise<string[] | null> {
  return new Promise((resolve) => {
    execFile("git", ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."], { cwd: dir, encoding: "utf8" }, (err, stdout) => {
      // Not a repository, no git installed, or no such directory: nothing to protect here.
      if (err) return resolve(null);
      const tokens = stdout.split("\0").filter(Boolean);
      const paths: string[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const entry = tokens[i]!;
        paths.push(entry.slice(3));
        // A rename or copy is followed by the path it came from.
        if (/^[RC]|^.[RC]/.test(entry)) i++;
      }
      resolve(paths);
    });
  });
}
