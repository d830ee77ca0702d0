// applyDecisions: the only module that writes (fs-extra lives here). All or nothing:
// every new file is first written to a temporary sibling, then all are renamed into place.
// fs-extra is loaded only when something is written: a dry run or an up-to-date re-run
// reads with node:fs and never pays for it.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ConflictError } from "../errors.js";
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

export async function applyDecisions(dir: string, decisions: readonly FileDecision[]): Promise<void> {
  const conflicts = decisions.filter((d) => d.status === "conflict");
  if (conflicts.length) {
    throw new ConflictError(conflicts.map((c) => c.path), conflicts.map((c) => c.reason).filter(Boolean).join("\n"));
  }
  const writes = decisions.filter((d) => d.status === "create" || d.status === "update");
  if (!writes.length) return;
  const { default: fse } = await import("fs-extra");
  const staged: { tmp: string; target: string }[] = [];
  try {
    await fse.ensureDir(dir);
    for (const d of writes) {
      const target = join(dir, d.path);
      const tmp = join(dirname(target), `.${d.path.replace(/[\\/]/g, "_")}.${randomBytes(4).toString("hex")}.tmp`);
      await fse.ensureDir(dirname(target));
      const mode = await fse.stat(target).then((s) => s.mode & 0o777, () => 0o644);
      await fse.writeFile(tmp, d.next, { mode });
      staged.push({ tmp, target });
    }
  } catch (err) {
    await Promise.all(staged.map((s) => fse.remove(s.tmp)));
    throw err;
  }
  for (const s of staged) await fse.rename(s.tmp, s.target);
}
