// Walking a pack's folder without leaving it: every entry is lstat'ed, and a symlink is
// followed only when its target is inside the pack. Packs are data; nothing here runs.
import { lstatSync, readdirSync, realpathSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { PresetError } from "../errors.js";

/** Whether `path` (already resolved) is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/**
 * Refuse a path inside `root` that is, or goes through, a symlink leading out of it.
 * `what` names the pack in the message.
 */
export function assertContained(root: string, path: string, what: string): void {
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(path);
  } catch {
    return; // a missing file is reported where it is read
  }
  if (!isInside(realRoot, real)) {
    throw new PresetError(`${what}: ${path} leads outside the pack (to ${real}).\nfix: a pack holds its files itself; symlinks out of it (and ../ paths) are refused`);
  }
}

/** Every file under root/sub (relative to root/sub, "/"-separated, sorted); symlinks out of root are refused. */
export function listFiles(root: string, sub: string, what: string): string[] {
  const base = join(root, sub);
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries.sort()) {
      if (entry === ".git" || entry === "node_modules") continue;
      const path = join(dir, entry);
      const st = lstatSync(path);
      const rel = prefix ? `${prefix}/${entry}` : entry;
      if (st.isSymbolicLink()) {
        assertContained(root, path, what);
        const real = realpathSync(path);
        if (lstatSync(real).isDirectory()) walk(real, rel);
        else out.push(rel);
      } else if (st.isDirectory()) walk(path, rel);
      else if (st.isFile()) out.push(rel);
    }
  };
  walk(base, "");
  return out;
}
