// Which folders hold an app: the directory itself, or (in monorepos and repositories
// with backend/ and frontend/) its sub-folders, two levels deep at most.
import { SKIP_DIRS } from "./context.js";
import { DETECTORS, RECOGNISED_ONLY, type LanguageDetector } from "./detectors.js";
import { getRecord, getStringArray, parseJson, parseYaml } from "./parse.js";
import { joinRel } from "./reader.js";
import type { AppCandidate, FileReader } from "./types.js";

export interface FolderMarkers {
  dir: string;
  detectors: { detector: LanguageDetector; evidence: string[] }[];
  recognisedOnly: string[];
}

export async function markersOf(reader: FileReader, dir: string): Promise<FolderMarkers> {
  const detectors: FolderMarkers["detectors"] = [];
  for (const detector of DETECTORS) {
    const evidence: string[] = [];
    for (const marker of detector.markers) {
      const path = joinRel(dir, marker.file);
      if (await reader.exists(path)) evidence.push(`${path}: ${marker.reason}`);
    }
    if (evidence.length > 0) detectors.push({ detector, evidence });
  }
  const recognisedOnly: string[] = [];
  for (const entry of RECOGNISED_ONLY) {
    const path = joinRel(dir, entry.file);
    if (await reader.exists(path)) recognisedOnly.push(`${path}: a ${entry.language} project; ${entry.language} detection is not supported yet`);
  }
  return { dir, detectors, recognisedOnly };
}

/** A folder whose manifests only gather other packages (npm/yarn/pnpm workspaces, go.work, Nx, Lerna, Turborepo). */
export async function workspaceRoot(reader: FileReader, dir: string, problems: string[] = []): Promise<string | null> {
  const pkgText = await reader.readText(joinRel(dir, "package.json"));
  const pkg = pkgText === null ? null : parseJson(pkgText);
  if (pkg?.ok && (getStringArray(pkg.value, "workspaces") || getStringArray(pkg.value, "workspaces", "packages"))) {
    return `${joinRel(dir, "package.json")}: workspaces`;
  }
  const pyproject = await reader.readText(joinRel(dir, "pyproject.toml"));
  if (pyproject && /^\[tool\.uv\.workspace\]/m.test(pyproject) && !/^\[project\]/m.test(pyproject)) {
    return `${joinRel(dir, "pyproject.toml")}: [tool.uv.workspace]`;
  }
  for (const file of ["pnpm-workspace.yaml", "lerna.json", "nx.json", "turbo.json", "rush.json", "go.work"]) {
    const path = joinRel(dir, file);
    if (!(await reader.exists(path))) continue;
    if (file === "pnpm-workspace.yaml") {
      const text = await reader.readText(path);
      const parsed = text === null ? null : parseYaml(text);
      if (parsed && !parsed.ok) {
        // A broken workspace file gathers nothing: the folder is judged by its other files.
        const line = `${path}: ${parsed.problem}`;
        if (!problems.includes(line)) problems.push(line);
        continue;
      }
      if (parsed?.ok && (getStringArray(parsed.value, "packages") ?? []).length === 0) continue;
    }
    return `${path}: workspace of several packages`;
  }
  return null;
}

const MAX_FOLDERS = 300;

/** Sub-folders (one or two levels down) that hold an app, each with its markers. */
export async function findNestedApps(reader: FileReader, dir: string, problems: string[]): Promise<FolderMarkers[]> {
  const out: FolderMarkers[] = [];
  let examined = 0;
  const visit = async (folder: string, depth: number): Promise<void> => {
    for (const entry of await reader.list(folder)) {
      if (entry.kind !== "dir" || SKIP_DIRS.has(entry.name) || entry.name.startsWith(".")) continue;
      if (++examined > MAX_FOLDERS) {
        if (examined === MAX_FOLDERS + 1) problems.push(`${folder || "."}: more than ${MAX_FOLDERS} folders; the rest were not searched for apps`);
        return;
      }
      const path = joinRel(folder, entry.name);
      const markers = await markersOf(reader, path);
      if (markers.detectors.length > 0 && !(await workspaceRoot(reader, path, problems))) out.push(markers);
      else if (depth < 2) await visit(path, depth + 1);
    }
  };
  await visit(dir, 1);
  return out;
}

/** Workspace members that only hold shared code are not apps: keep those that start, serve or sit in apps/ or services/. */
export async function isDeployable(reader: FileReader, dir: string, language: string): Promise<boolean> {
  if (/(^|\/)(apps|services)\//.test(dir)) return true;
  if (language === "python") {
    if (await reader.exists(joinRel(dir, "manage.py"))) return true;
    const manifests = [await reader.readText(joinRel(dir, "pyproject.toml")), await reader.readText(joinRel(dir, "requirements.txt"))].join("\n");
    return /\b(fastapi|flask|django|uvicorn|gunicorn|starlette|aiohttp|sanic|litestar)\b/i.test(manifests);
  }
  if (language !== "node") return true;
  const text = await reader.readText(joinRel(dir, "package.json"));
  const pkg = text === null ? null : parseJson(text);
  if (!pkg?.ok) return true;
  const scripts = getRecord(pkg.value, "scripts") ?? {};
  const deps = { ...getRecord(pkg.value, "dependencies"), ...getRecord(pkg.value, "devDependencies") };
  return "start" in scripts || ["express", "fastify", "@nestjs/core", "next", "koa", "hono", "@hapi/hapi"].some((name) => name in deps);
}

/** A package.json that only carries tooling (devDependencies, dev scripts): no dependencies, no main, no start. */
export async function isToolingOnlyNode(reader: FileReader, dir: string): Promise<boolean> {
  const text = await reader.readText(joinRel(dir, "package.json"));
  const pkg = text === null ? null : parseJson(text);
  if (!pkg?.ok) return false;
  const deps = getRecord(pkg.value, "dependencies") ?? {};
  const scripts = getRecord(pkg.value, "scripts") ?? {};
  return Object.keys(deps).length === 0 && pkg.value.main === undefined && !("start" in scripts);
}

export function toCandidate(markers: FolderMarkers, language: string): AppCandidate {
  return {
    path: markers.dir === "" ? "." : markers.dir,
    language,
    evidence: markers.detectors.find((d) => d.detector.language === language)?.evidence ?? [],
  };
}
