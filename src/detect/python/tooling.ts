// Python package manager (lockfiles, then tool sections, then requirements) and
// Python version (pins before ranges).
import type { AppContext } from "../context.js";
import { ciVersionSource } from "../ci-versions.js";
import { getPath, getRecord, getString } from "../parse.js";
import { found, notFound, type Finding } from "../types.js";
import { pickVersion, type VersionSource } from "../versions.js";
import type { PythonManifests } from "./manifests.js";

/** Lockfiles, by the package manager that installs from them. */
export const PYTHON_LOCKFILES: readonly { file: string; manager: string | null }[] = [
  { file: "uv.lock", manager: "uv" },
  { file: "poetry.lock", manager: "poetry" },
  { file: "Pipfile.lock", manager: "pipenv" },
  { file: "pdm.lock", manager: null }, // PDM has no template; its lock must not be silently ignored
];

export async function detectPythonPackageManager(ctx: AppContext, manifests: PythonManifests): Promise<Finding<string>> {
  const locks: { path: string; manager: string | null }[] = [];
  for (const lock of PYTHON_LOCKFILES) {
    const path = await ctx.findUp([lock.file]);
    if (path) locks.push({ path, manager: lock.manager });
  }
  const lockEvidence = locks.map((lock) => `${lock.path}: lockfile of ${lock.manager ?? "pdm"}`);
  const managers = [...new Set(locks.map((lock) => lock.manager))];
  if (managers.length === 1 && managers[0] === null) {
    return notFound(...lockEvidence, "PDM is not supported; installing with pip would ignore its lock");
  }
  if (managers.length > 1) return notFound(...lockEvidence, "lockfiles of several package managers side by side; not choosing");
  if (managers.length === 1) return found(managers[0]!, ...lockEvidence);

  const pyprojectPath = ctx.at("pyproject.toml");
  const pyproject = manifests.pyproject.status === "ok" ? manifests.pyproject.value : undefined;
  if (manifests.pipfile.status !== "missing") return found("pipenv", `${ctx.at("Pipfile")}: present (no Pipfile.lock)`);
  if (getRecord(pyproject, "tool", "poetry")) return found("poetry", `${pyprojectPath}: [tool.poetry] (no poetry.lock)`);
  if (getRecord(pyproject, "tool", "uv")) return found("uv", `${pyprojectPath}: [tool.uv] (no uv.lock)`);
  if (manifests.requirementsFile) return found("pip", `${ctx.at(manifests.requirementsFile)}: requirements for pip`);
  if (getRecord(pyproject, "project")) {
    const tool = getRecord(pyproject, "tool", "pdm") ? "PDM" : getRecord(pyproject, "tool", "hatch") ? "Hatch" : null;
    return found("pip", `${pyprojectPath}: [project] dependencies; pip installs the project${tool ? ` (${tool} section, no lock)` : ""}`);
  }
  if (await ctx.exists("setup.py")) return found("pip", `${ctx.at("setup.py")}: pip installs the project`);
  if (manifests.pyproject.status === "broken") return notFound(`${pyprojectPath}: ${manifests.pyproject.problem}`);
  return notFound("no requirements file, pyproject.toml, Pipfile or lockfile");
}

export async function detectPythonVersion(ctx: AppContext, manifests: PythonManifests) {
  const sources: VersionSource[] = [];
  const pin = await ctx.findUp([".python-version"]);
  const pinText = pin ? await ctx.textAt(pin, 4096) : null;
  const pinLine = pinText?.split(/\r?\n/).map((line) => line.replace(/#.*$/, "").trim()).find((line) => line !== "");
  if (pin && pinLine) sources.push({ where: pin, raw: pinLine.replace(/^(cpython|python)-?/i, "") });
  const runtime = await ctx.text("runtime.txt");
  const runtimeMatch = runtime ? /python-(\d+(?:\.\d+)*)/.exec(runtime) : null;
  if (runtimeMatch) sources.push({ where: ctx.at("runtime.txt"), raw: runtimeMatch[1]! });
  const tools = await ctx.findUp([".tool-versions"]);
  const toolText = tools ? await ctx.textAt(tools, 16384) : null;
  const toolLine = toolText ? /^\s*python\s+(\S+)/m.exec(toolText) : null;
  if (tools && toolLine) sources.push({ where: `${tools}: python`, raw: toolLine[1]! });
  if (manifests.pipfile.status === "ok") {
    const pipfileVersion = getString(manifests.pipfile.value, "requires", "python_version") ?? getString(manifests.pipfile.value, "requires", "python_full_version");
    if (pipfileVersion) sources.push({ where: `${ctx.at("Pipfile")}: requires.python_version`, raw: pipfileVersion });
  }
  const pipfileLock = await ctx.load("Pipfile.lock", "json");
  const lockVersion = pipfileLock.status === "ok" ? getString(pipfileLock.value, "_meta", "requires", "python_version") : undefined;
  if (lockVersion) sources.push({ where: `${ctx.at("Pipfile.lock")}: _meta.requires.python_version`, raw: lockVersion });
  if (manifests.pyproject.status === "ok") {
    const requires = getString(manifests.pyproject.value, "project", "requires-python");
    if (requires) sources.push({ where: `${ctx.at("pyproject.toml")}: project.requires-python`, raw: requires });
    const poetry = getPath(manifests.pyproject.value, "tool", "poetry", "dependencies", "python");
    if (typeof poetry === "string") sources.push({ where: `${ctx.at("pyproject.toml")}: tool.poetry.dependencies.python`, raw: poetry });
  }
  const dockerfile = await ctx.text("Dockerfile");
  const from = dockerfile ? /^\s*FROM\s+(?:--platform=\S+\s+)?(?:docker\.io\/)?(?:library\/)?python:(\d+\.\d+)/im.exec(dockerfile) : null;
  if (from) sources.push({ where: `${ctx.at("Dockerfile")}: FROM python`, raw: from[1]! });
  const ci = await ciVersionSource(ctx, "python");
  if (ci) sources.push(ci);
  // "pypy3.10" and the like are not CPython: say so rather than misread them.
  const usable = sources.filter((source) => /^[\d^~<>=!*., |]+$/.test(source.raw.trim()));
  const result = pickVersion(usable, "python");
  for (const source of sources.filter((s) => !usable.includes(s))) result.version.evidence.push(`${source.where} = ${source.raw}: not a CPython version`);
  return result;
}
