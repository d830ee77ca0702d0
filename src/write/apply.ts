// applyDecisions: the only module that writes (fs-extra lives here). All or nothing:
// every new file is first written to a temporary sibling and every file about to be
// replaced or deleted is kept aside (a hard link); then all are renamed into place. A
// failure or Ctrl+C at any point puts back what was already done, so every file is as it was.
// fs-extra is loaded only when something is written: a dry run or an up-to-date re-run
// reads with node:fs and never pays for it.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type Fse from "fs-extra";
import { CancelledError, ConflictError } from "../errors.js";
import type { FileDecision } from "./decide.js";

/** Read what is on disk now for each path (null when absent). */
export async function readCurrent(dir: string, paths: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const p of paths) {
    try {
      out.set(p, await readFile(join(dir, p), "utf8"));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      out.set(p, null);
    }
  }
  return out;
}

export interface ApplyOptions {
  /** Paths to delete (relative to dir) in the same all-or-nothing batch; absent ones are skipped. */
  remove?: readonly string[];
}

interface Staged {
  target: string;
  /** The new content, beside the target (null for a deletion). */
  tmp: string | null;
  /** The old file, kept aside until the end (null when there was none). */
  backup: string | null;
}

const sibling = (target: string, suffix: string) => join(dirname(target), `.${basename(target)}.${randomBytes(4).toString("hex")}.${suffix}`);

async function keepAside(fse: typeof Fse, target: string): Promise<string | null> {
  if (!(await fse.pathExists(target))) return null;
  const backup = sibling(target, "bak");
  // A hard link keeps the very file (content, mode, mtime); a copy where links are refused.
  await fse.link(target, backup).catch(() => fse.copy(target, backup, { preserveTimestamps: true }));
  return backup;
}

export async function applyDecisions(dir: string, decisions: readonly FileDecision[], options: ApplyOptions = {}): Promise<void> {
  const conflicts = decisions.filter((d) => d.status === "conflict");
  if (conflicts.length) {
    throw new ConflictError(conflicts.map((c) => c.path), conflicts.map((c) => c.reason).filter(Boolean).join("\n"));
  }
  const writes = decisions.filter((d) => d.status === "create" || d.status === "update");
  if (!writes.length && !options.remove?.length) return;
  const { default: fse } = await import("fs-extra");
  // Ctrl+C while writing is held until the files are back as they were, then reported.
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  const stopIfInterrupted = () => {
    if (interrupted) throw new CancelledError("Cancelled while writing; every file was put back as it was.");
  };
  process.on("SIGINT", onSigint);
  const staged: Staged[] = [];
  const undo: (() => Promise<void>)[] = [];
  /** Directories this run created (the first new one of each path), removed again on failure. */
  const madeDirs: string[] = [];
  const makeDir = async (path: string) => {
    const first = await fse.mkdir(path, { recursive: true });
    if (first) madeDirs.push(first);
  };
  try {
    await makeDir(dir);
    for (const d of writes) {
      stopIfInterrupted();
      const target = join(dir, d.path);
      await makeDir(dirname(target));
      const mode = await fse.stat(target).then((s) => s.mode & 0o777, () => 0o644);
      const entry: Staged = { target, tmp: sibling(target, "tmp"), backup: null };
      staged.push(entry);
      await fse.writeFile(entry.tmp!, d.next, { mode });
      entry.backup = await keepAside(fse, target);
    }
    for (const p of options.remove ?? []) {
      stopIfInterrupted();
      const target = join(dir, p);
      const entry: Staged = { target, tmp: null, backup: null };
      staged.push(entry);
      entry.backup = await keepAside(fse, target);
    }
    stopIfInterrupted();
    for (const s of staged) {
      if (s.tmp) {
        await fse.rename(s.tmp, s.target);
        const { backup, target } = s;
        undo.push(backup ? () => fse.rename(backup, target) : () => fse.remove(target));
      } else if (s.backup) {
        await fse.remove(s.target);
        const { backup, target } = s;
        undo.push(() => fse.rename(backup, target));
      }
      stopIfInterrupted();
    }
  } catch (err) {
    // Put back what was done, newest first; then no temporary file or backup is left.
    for (const step of undo.reverse()) await step().catch(() => undefined);
    await Promise.all(staged.flatMap((s) => [s.tmp, s.backup]).filter((p): p is string => p !== null).map((p) => fse.remove(p).catch(() => undefined)));
    for (const d of madeDirs.reverse()) await fse.remove(d).catch(() => undefined);
    throw err;
  } finally {
    process.off("SIGINT", onSigint);
  }
  await Promise.all(staged.map((s) => (s.backup ? fse.remove(s.backup).catch(() => undefined) : undefined)));
}
