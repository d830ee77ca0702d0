// Node package manager: the corepack `packageManager` field, else the lockfile(s) of the
// nearest folder that has any (workspace roots hold them), else npm, Node's own.
import type { AppContext } from "../context.js";
import { getString } from "../parse.js";
import { joinRel } from "../reader.js";
import { found, notFound, type Finding } from "../types.js";

export const NODE_LOCKFILES: readonly { file: string; manager: string }[] = [
  { file: "package-lock.json", manager: "npm" },
  { file: "npm-shrinkwrap.json", manager: "npm" },
  { file: "pnpm-lock.yaml", manager: "pnpm" },
  { file: "yarn.lock", manager: "yarn" },
  { file: "bun.lock", manager: "bun" },
  { file: "bun.lockb", manager: "bun" },
];

const MANAGERS = ["npm", "pnpm", "yarn", "bun"];
/** Enough to see yarn.lock's header without reading a huge lockfile. */
const YARN_LOCK_SNIFF_BYTES = 32 * 1024 * 1024;

export interface NodePackageManager {
  manager: Finding<string>;
  lockfile: Finding<string>;
  yarnFlavor: Finding<"classic" | "berry">;
  /** Yarn 2+ Plug'n'Play: no node_modules; `node` needs `-r ./.pnp.cjs` (or `yarn node`). */
  yarnPnp: Finding<boolean>;
}

/** `packageJsons`: the app's package.json first, then the workspace root's (when the app is nested). */
export async function detectNodePackageManager(
  ctx: AppContext,
  packageJsons: { path: string; value: Record<string, unknown> }[],
): Promise<NodePackageManager> {
  let field: { name: string; version: string; evidence: string } | undefined;
  for (const pkg of packageJsons) {
    const raw = getString(pkg.value, "packageManager");
    const match = raw ? /^(npm|pnpm|yarn|bun)@(\d[^+\s]*)/.exec(raw) : null;
    if (match) {
      field = { name: match[1]!, version: match[2]!, evidence: `${pkg.path}: packageManager = ${raw}` };
      break;
    }
  }

  const lockDir = await nearestLockDir(ctx);
  const locks = lockDir === null ? [] : await presentLocks(ctx, lockDir);
  const lockManagers = [...new Set(locks.map((lock) => lock.manager))];
  const lockEvidence = locks.map((lock) => `${lock.path}: lockfile of ${lock.manager}`);

  let manager: Finding<string>;
  if (field && MANAGERS.includes(field.name)) {
    const disagree = lockManagers.filter((m) => m !== field.name);
    manager = found(field.name, field.evidence, ...lockEvidence.filter((_, i) => !disagree.includes(locks[i]!.manager)),
      ...(disagree.length > 0 ? [`also found lockfiles of ${disagree.join(", ")}; the packageManager field wins`] : []));
  } else if (lockManagers.length === 1) {
    manager = found(lockManagers[0]!, ...lockEvidence);
  } else if (lockManagers.length > 1) {
    manager = notFound(...lockEvidence, `lockfiles of ${lockManagers.join(", ")} side by side and no packageManager field; not choosing`);
  } else {
    manager = found("npm", `${packageJsons[0]?.path ?? "package.json"}: no lockfile and no packageManager field; npm is the package manager bundled with Node`);
  }

  const chosenLock = locks.find((lock) => lock.manager === manager.value);
  const lockfile = chosenLock ? found(chosenLock.path, `${chosenLock.path}: present`) : notFound<string>("no lockfile");
  const yarnFlavor = manager.value === "yarn" ? await detectYarnFlavor(ctx, field, chosenLock?.path ?? null, lockDir) : notFound<"classic" | "berry">();
  const yarnPnp = yarnFlavor.value === "berry" ? await detectPnp(ctx, lockDir) : notFound<boolean>();
  return { manager, lockfile, yarnFlavor, yarnPnp };
}

/** Berry installs Plug'n'Play unless .yarnrc.yml sets another nodeLinker. */
async function detectPnp(ctx: AppContext, lockDir: string | null): Promise<Finding<boolean>> {
  const dir = lockDir ?? ctx.appDir;
  const rcPath = joinRel(dir, ".yarnrc.yml");
  const rc = await ctx.textAt(rcPath, 64 * 1024);
  const linker = rc ? /^\s*nodeLinker\s*:\s*["']?([\w-]+)/m.exec(rc)?.[1] : undefined;
  if (linker) return found(linker === "pnp", `${rcPath}: nodeLinker: ${linker}`);
  if (await ctx.reader.exists(joinRel(dir, ".pnp.cjs"))) return found(true, `${joinRel(dir, ".pnp.cjs")}: present`);
  return found(true, `${rc === null ? "no .yarnrc.yml" : `${rcPath}: no nodeLinker`}; Yarn 2+ defaults to Plug'n'Play`);
}

async function nearestLockDir(ctx: AppContext): Promise<string | null> {
  const parts = ctx.appDir === "" ? [] : ctx.appDir.split("/");
  for (let depth = parts.length; depth >= 0; depth--) {
    const dir = parts.slice(0, depth).join("/");
    if ((await presentLocks(ctx, dir)).length > 0) return dir;
  }
  return null;
}

async function presentLocks(ctx: AppContext, dir: string): Promise<{ path: string; manager: string }[]> {
  const out: { path: string; manager: string }[] = [];
  for (const lock of NODE_LOCKFILES) {
    const path = joinRel(dir, lock.file);
    if (await ctx.reader.exists(path)) out.push({ path, manager: lock.manager });
  }
  return out;
}

/** Yarn 1 ("classic") and Yarn 2+ ("berry") install differently (--frozen-lockfile vs --immutable). */
async function detectYarnFlavor(
  ctx: AppContext,
  field: { name: string; version: string; evidence: string } | undefined,
  lockPath: string | null,
  lockDir: string | null,
): Promise<Finding<"classic" | "berry">> {
  if (field?.name === "yarn") {
    return found(field.version.startsWith("1.") ? "classic" : "berry", field.evidence);
  }
  if (lockPath) {
    const text = await ctx.textAt(lockPath, YARN_LOCK_SNIFF_BYTES);
    const head = text?.slice(0, 4096) ?? "";
    if (/^__metadata:/m.test(head)) return found("berry", `${lockPath}: has a __metadata block (Yarn 2+)`);
    if (/yarn lockfile v1/.test(head)) return found("classic", `${lockPath}: "# yarn lockfile v1" header`);
  }
  const rc = joinRel(lockDir ?? ctx.appDir, ".yarnrc.yml");
  if (await ctx.reader.exists(rc)) return found("berry", `${rc}: present (Yarn 2+ configuration)`);
  return notFound(lockPath ? `${lockPath}: neither a v1 header nor a __metadata block` : "no yarn.lock to tell the Yarn version");
}
