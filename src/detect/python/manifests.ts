// Python manifests read as data: requirements files, pyproject.toml (PEP 621, Poetry,
// uv, PDM, Hatch sections), Pipfile, setup.cfg and setup.py (as text; never run).
import type { AppContext, Loaded } from "../context.js";
import { getRecord, getString, getStringArray } from "../parse.js";

export interface PythonManifests {
  /** Normalised dependency name -> "file: section" it came from (runtime dependencies only). */
  dependencies: Map<string, string>;
  pyproject: Loaded;
  pipfile: Loaded;
  /** The requirements file pip would install from, app-relative. */
  requirementsFile: string | null;
  /** Development requirements (installed in the dev stage only), when the repository has them. */
  devRequirementsFile: string | null;
  names: { where: string; value: string }[];
}

/** Where a requirements file for production usually lives, best first. */
export const REQUIREMENTS_FILES = [
  "requirements.txt", "requirements/production.txt", "requirements/prod.txt", "requirements-prod.txt",
  "requirements/base.txt", "requirements/common.txt", "requirements/main.txt", "requirements/requirements.txt", "requirements.in",
];

/** Development requirements, in the order they are looked for (the first that exists is used). */
export const DEV_REQUIREMENTS_FILES = ["requirements-dev.txt", "dev-requirements.txt", "requirements/dev.txt", "requirements/development.txt"];

/** PEP 503 normalisation: "Flask_SQLAlchemy" -> "flask-sqlalchemy". */
export function normaliseDist(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** "fastapi[all]>=0.110 ; python_version>'3.8'" -> "fastapi". */
export function requirementName(spec: string): string | null {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec);
  return match ? normaliseDist(match[1]!) : null;
}

export async function readPythonManifests(ctx: AppContext): Promise<PythonManifests> {
  const dependencies = new Map<string, string>();
  const names: { where: string; value: string }[] = [];
  const add = (spec: string, where: string) => {
    const name = requirementName(spec);
    if (name && !dependencies.has(name)) dependencies.set(name, where);
  };

  let requirementsFile: string | null = null;
  for (const file of REQUIREMENTS_FILES) {
    if (!(await ctx.exists(file))) continue;
    requirementsFile ??= file;
    await readRequirements(ctx, file, add, 0);
    break;
  }

  let devRequirementsFile: string | null = null;
  for (const file of DEV_REQUIREMENTS_FILES) {
    if (await ctx.exists(file)) {
      devRequirementsFile = file;
      break;
    }
  }

  const pyproject = await ctx.load("pyproject.toml", "toml");
  if (pyproject.status === "ok") {
    const data = pyproject.value;
    const where = ctx.at("pyproject.toml");
    for (const spec of getStringArray(data, "project", "dependencies") ?? []) add(spec, `${where}: project.dependencies`);
    for (const dep of Object.keys(getRecord(data, "tool", "poetry", "dependencies") ?? {})) {
      if (dep !== "python") add(dep, `${where}: tool.poetry.dependencies`);
    }
    for (const dep of Object.keys(getRecord(data, "tool", "poetry", "group", "main", "dependencies") ?? {})) add(dep, `${where}: tool.poetry.group.main`);
    const projectName = getString(data, "project", "name");
    const poetryName = getString(data, "tool", "poetry", "name");
    if (projectName) names.push({ where: `${where}: project.name`, value: projectName });
    if (poetryName) names.push({ where: `${where}: tool.poetry.name`, value: poetryName });
  }

  const pipfile = await ctx.load("Pipfile", "toml");
  if (pipfile.status === "ok") {
    for (const dep of Object.keys(getRecord(pipfile.value, "packages") ?? {})) add(dep, `${ctx.at("Pipfile")}: packages`);
  }

  const setupCfg = await ctx.text("setup.cfg");
  if (setupCfg !== null) {
    const name = /^\s*name\s*=\s*([\w.-]+)\s*$/m.exec(setupCfg);
    if (name) names.push({ where: `${ctx.at("setup.cfg")}: metadata.name`, value: name[1]! });
    const requires = /^\s*install_requires\s*=\s*\n((?:[ \t]+\S.*\n?)+)/m.exec(setupCfg);
    for (const line of requires?.[1]?.split("\n") ?? []) if (line.trim() !== "") add(line.trim(), `${ctx.at("setup.cfg")}: install_requires`);
  }
  const setupPy = await ctx.text("setup.py");
  if (setupPy !== null) {
    const name = /\bname\s*=\s*['"]([\w.-]+)['"]/.exec(setupPy);
    if (name) names.push({ where: `${ctx.at("setup.py")}: name=`, value: name[1]! });
    const requires = /install_requires\s*=\s*\[([^\]]*)\]/.exec(setupPy);
    for (const spec of requires?.[1]?.matchAll(/['"]([^'"]+)['"]/g) ?? []) add(spec[1]!, `${ctx.at("setup.py")}: install_requires`);
  }
  return { dependencies, pyproject, pipfile, requirementsFile, devRequirementsFile, names };
}

async function readRequirements(ctx: AppContext, file: string, add: (spec: string, where: string) => void, depth: number): Promise<void> {
  const text = await ctx.text(file);
  if (text === null || depth > 3) return;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    const include = /^(?:-r|--requirement)\s*(\S+)/.exec(line);
    if (include) {
      const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
      await readRequirements(ctx, `${dir}${include[1]}`.replace(/\/\.\//g, "/"), add, depth + 1);
    } else if (line !== "" && !line.startsWith("-")) add(line, ctx.at(file));
  }
}
