// Git sources, fetched with the system `git` into the cache: a bare clone per URL
// (<cache>/git/<hash>.git) and one exported tree per commit (<cache>/trees/<hash>-<commit>),
// never changed once written. Without --refresh a ref that is in the cache is used as it is
// (a branch moves only on --refresh); a pinned commit (recorded in .docker-scaffold.yml) is
// used whatever the ref now points to. --offline never touches the network.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PresetError } from "../errors.js";

export interface FetchMode {
  offline: boolean;
  refresh: boolean;
  cache: string;
}

const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "echo", LC_ALL: "C" };

function git(args: string[], input?: Buffer): Buffer {
  return execFileSync("git", args, { env: GIT_ENV, stdio: ["pipe", "pipe", "pipe"], input, maxBuffer: 256 * 1024 * 1024 });
}

/** Move a finished download into place; another run may have put the same one there first. */
export function settle(tmp: string, dest: string): void {
  try {
    renameSync(tmp, dest);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dest)) throw err;
  }
}

function gitError(err: unknown): string {
  const e = err as { stderr?: Buffer; message: string };
  return (e.stderr?.toString().trim() || e.message).split("\n").slice(-2).join(" ");
}

export function gitCheckout(url: string, rev: string | null, pin: string | null, mode: FetchMode): { dir: string; commit: string } {
  const key = createHash("sha256").update(url).digest("hex").slice(0, 16);
  const bare = join(mode.cache, "git", `${key}.git`);
  let fetched = false;
  const fetch = () => {
    try {
      git(["--git-dir", bare, "fetch", "--quiet", "--prune", "--tags", "--force", url, "+refs/heads/*:refs/heads/*", "+HEAD:refs/remotes/origin/HEAD"]);
    } catch (err) {
      throw new PresetError(`git fetch ${url} failed: ${gitError(err)}\nfix: check the URL and your access to it, or use --offline with what is cached`);
    }
    fetched = true;
  };
  if (!existsSync(bare)) {
    if (mode.offline) throw new PresetError(`${url} is not in the cache (${mode.cache}), and --offline uses only the cache.\nfix: run once without --offline to fetch it`);
    mkdirSync(join(mode.cache, "git"), { recursive: true });
    const tmp = `${bare}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    try {
      git(["clone", "--bare", "--quiet", url, tmp]);
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw new PresetError(`git clone ${url} failed: ${gitError(err)}\nfix: check the URL and your access to it (the system git and its credentials are used)`);
    }
    settle(tmp, bare);
    fetched = true;
  } else if (mode.refresh && !mode.offline) fetch();

  const want = pin ?? rev ?? "HEAD";
  const resolve = (): string | null => {
    try {
      return git(["--git-dir", bare, "rev-parse", "--verify", "--quiet", `${want}^{commit}`]).toString().trim();
    } catch {
      return null;
    }
  };
  let commit = resolve();
  if (!commit && !fetched && !mode.offline) {
    fetch();
    commit = resolve();
  }
  if (!commit) {
    throw new PresetError(
      `${url} has no ${pin ? `commit ${pin}` : rev ? `ref ${JSON.stringify(rev)}` : "default branch"}${mode.offline ? " in the cache (--offline)" : ""}.\nfix: ${mode.offline ? "run without --offline to fetch it" : "use a tag, branch or commit that exists"}`,
    );
  }
  const dir = join(mode.cache, "trees", `${key}-${commit}`);
  if (!existsSync(dir)) {
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    try {
      const tar = git(["--git-dir", bare, "archive", "--format=tar", commit]);
      execFileSync("tar", ["-x", "-f", "-", "-C", tmp], { input: tar, stdio: ["pipe", "pipe", "pipe"] });
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw new PresetError(`Could not export ${url} at ${commit}: ${gitError(err)}`);
    }
    settle(tmp, dir);
  }
  return { dir, commit };
}
