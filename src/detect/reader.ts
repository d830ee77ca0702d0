// The file-system reader detection goes through. It only reads: never follows a path or
// symlink out of the root, never reads a file past its size cap, and turns every error
// (missing, unreadable, binary, symlink loop) into null plus a reason for `explain`.
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { FileReader } from "./types.js";

/** Default cap for one file: manifests and sources are far smaller; lockfiles are sniffed with their own cap. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Entries returned by one `list` (a directory with more is cut, sorted by name). */
export const MAX_LIST_ENTRIES = 2000;

export function createFsReader(root: string): FileReader {
  const absRoot = path.resolve(root);
  let realRoot: Promise<string> | undefined;
  const reasons = new Map<string, string>();
  const getRealRoot = () => (realRoot ??= realpath(absRoot).catch(() => absRoot));

  /** The real path of rel if it exists inside the root, else a reason. */
  async function resolveInside(relPath: string): Promise<{ abs: string } | { reason: string }> {
    const clean = normalizeRel(relPath);
    if (clean === null) return { reason: "path leaves the project" };
    const base = await getRealRoot();
    let real: string;
    try {
      real = await realpath(path.join(absRoot, clean));
    } catch (error) {
      return { reason: describeError(error) };
    }
    if (real !== base && !real.startsWith(base + path.sep)) return { reason: "symlink points outside the project" };
    return { abs: real };
  }

  return {
    async readText(relPath, maxBytes = DEFAULT_MAX_BYTES) {
      const key = normalizeRel(relPath) ?? relPath;
      reasons.delete(key);
      const fail = (reason: string) => {
        reasons.set(key, reason);
        return null;
      };
      const target = await resolveInside(relPath);
      if ("reason" in target) return fail(target.reason);
      try {
        const info = await stat(target.abs);
        if (!info.isFile()) return fail("not a regular file");
        if (info.size > maxBytes) return fail(`larger than ${maxBytes} bytes (${info.size}); not read`);
        const handle = await open(target.abs, "r");
        try {
          const buffer = Buffer.alloc(Math.min(info.size, maxBytes));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
          const bytes = buffer.subarray(0, bytesRead);
          // UTF-16 with a byte-order mark (pip freeze in PowerShell writes it) is text.
          if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
          if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, 2 + ((bytesRead - 2) & ~1))).swap16().toString("utf16le");
          if (bytes.subarray(0, 8192).includes(0)) return fail("binary file (NUL bytes)");
          return bytes.toString("utf8").replace(/^\uFEFF/, "");
        } finally {
          await handle.close();
        }
      } catch (error) {
        return fail(describeError(error));
      }
    },

    async list(relDir) {
      const target = await resolveInside(relDir === "" ? "." : relDir);
      if ("reason" in target) return [];
      try {
        const entries = await readdir(target.abs, { withFileTypes: true });
        const out: { name: string; kind: "file" | "dir" }[] = [];
        for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
          if (out.length >= MAX_LIST_ENTRIES) break;
          if (entry.isDirectory()) out.push({ name: entry.name, kind: "dir" });
          else if (entry.isFile()) out.push({ name: entry.name, kind: "file" });
          else if (entry.isSymbolicLink()) {
            // Symlinked files inside the root are read; symlinked directories are never
            // walked (loops, and trees that live elsewhere).
            const inner = await resolveInside(joinRel(relDir, entry.name));
            if ("abs" in inner && (await lstat(inner.abs).catch(() => null))?.isFile()) {
              out.push({ name: entry.name, kind: "file" });
            }
          }
        }
        return out;
      } catch {
        return [];
      }
    },

    async exists(relPath) {
      const clean = normalizeRel(relPath);
      if (clean === null) return false;
      return (await lstat(path.join(absRoot, clean)).catch(() => null)) !== null;
    },

    explain(relPath) {
      return reasons.get(normalizeRel(relPath) ?? relPath);
    },
  };
}

/** "a/./b" -> "a/b"; null for absolute paths or paths that climb out with "..". */
export function normalizeRel(relPath: string): string | null {
  if (path.isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath)) return null;
  const normal = path.posix.normalize(relPath.replaceAll("\\", "/"));
  if (normal === ".." || normal.startsWith("../")) return null;
  return normal === "." ? "" : normal.replace(/\/$/, "");
}

export function joinRel(dir: string, name: string): string {
  return dir === "" || dir === "." ? name : `${dir}/${name}`;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "missing";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "symlink loop";
    case "EISDIR":
      return "is a directory";
    default:
      return code ?? String(error);
  }
}
