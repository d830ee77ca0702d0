// The WSGI/ASGI object gunicorn or uvicorn serves ("app:app", "app.main:app",
// "config.wsgi:application"), found in code: Django's WSGI_APPLICATION/ASGI_APPLICATION
// next to manage.py, module-level Flask()/FastAPI() objects, app factories.
import { lineOf, type SourceFile } from "../context.js";

export interface AppTarget {
  target: string;
  interface: "wsgi" | "asgi";
  framework: "django" | "flask" | "fastapi" | null;
  /** App-relative folder the module path is relative to ("" = the app folder). */
  dir: string;
  evidence: string;
  /** The target is a function that builds the app (uvicorn needs --factory). */
  factory?: boolean;
  /** Lower is better: 0 stated explicitly, 1 module-level object, 2 object from a factory call, 3 factory function. */
  rank: number;
  depth: number;
}

/** Entry modules, most likely first. */
const MODULE_NAMES = ["wsgi", "asgi", "main", "app", "server", "application", "api", "run", "__init__"];

export function findAppTargets(files: SourceFile[], appDir: string): AppTarget[] {
  const rel = (file: SourceFile) => (appDir === "" ? file.path : file.path.slice(appDir.length + 1));
  const paths = new Set(files.map(rel));
  const out: AppTarget[] = [];
  for (const file of files) {
    const path = rel(file);
    const module = moduleOf(path, paths);
    if (!module) continue;
    const where = (index: number, what: string) => `${file.path}:${lineOf(file.text, index)}: ${what}`;
    const push = (target: string, iface: "wsgi" | "asgi", framework: AppTarget["framework"], rank: number, evidence: string) =>
      out.push({ target, interface: iface, framework, dir: module.dir, evidence, rank, depth: module.name.split(".").length, ...(rank === 3 ? { factory: true } : {}) });

    for (const match of file.text.matchAll(/^(\w+)\s*(?::\s*[\w.]+\s*)?=\s*(?:fastapi\.)?FastAPI\s*\(/gm)) {
      push(`${module.name}:${match[1]}`, "asgi", "fastapi", 1, where(match.index, `${match[1]} = FastAPI()`));
    }
    for (const match of file.text.matchAll(/^(\w+)\s*(?::\s*[\w.]+\s*)?=\s*(?:flask\.)?Flask\s*\(/gm)) {
      push(`${module.name}:${match[1]}`, "wsgi", "flask", 1, where(match.index, `${match[1]} = Flask(...)`));
    }
    for (const match of file.text.matchAll(/^(\w+)\s*=\s*(?:[\w.]+\.)?(create_app|make_app|get_app|build_app)\s*\(/gm)) {
      push(`${module.name}:${match[1]}`, "wsgi", null, 2, where(match.index, `${match[1]} = ${match[2]}()`));
    }
    const factory = /^def\s+(create_app|make_app|get_app|build_app)\s*\(/m.exec(file.text);
    if (factory && /\b(Flask|FastAPI)\s*\(/.test(file.text)) {
      const isFastApi = /\bFastAPI\s*\(/.test(file.text);
      push(`${module.name}:${factory[1]}${isFastApi ? "" : "()"}`, isFastApi ? "asgi" : "wsgi", isFastApi ? "fastapi" : "flask", 3, where(factory.index, `def ${factory[1]}() builds the app${isFastApi ? " (uvicorn --factory)" : ""}`));
    }
    for (const match of file.text.matchAll(/uvicorn\.run\(\s*['"]([\w.]+:\w+)['"]/g)) {
      push(match[1]!, "asgi", null, 0, where(match.index, `uvicorn.run("${match[1]}")`));
    }
    for (const match of file.text.matchAll(/^\s*(WSGI|ASGI)_APPLICATION\s*=\s*['"]([\w.]+)\.(\w+)['"]/gm)) {
      const iface = match[1] === "ASGI" ? "asgi" : "wsgi";
      // Settings sit in the Django project folder; the module path is relative to manage.py's folder.
      const base = djangoBase(path, paths);
      out.push({
        target: `${match[2]}:${match[3]}`, interface: iface, framework: "django", dir: base, rank: iface === "wsgi" ? 0 : 1, depth: 0,
        evidence: where(match.index, `${match[1]}_APPLICATION = '${match[2]}.${match[3]}'`),
      });
    }
  }
  return out;
}

/** Best first: explicit statements, then module-level objects in likely entry modules near the top. */
export function rankTargets(targets: AppTarget[]): AppTarget[] {
  const nameRank = (target: AppTarget) => {
    const last = target.target.split(":")[0]!.split(".").at(-1)!;
    const index = MODULE_NAMES.indexOf(last);
    return index < 0 ? MODULE_NAMES.length : index;
  };
  return [...targets].sort((a, b) => a.rank - b.rank || a.depth - b.depth || nameRank(a) - nameRank(b));
}

/** "src/pkg/main.py" -> { dir: "src", name: "pkg.main" } (src layout), "app/__init__.py" -> "app". */
function moduleOf(path: string, paths: Set<string>): { dir: string; name: string } | null {
  let dir = "";
  let rest = path.replace(/\.py$/, "");
  if (rest.startsWith("src/") && !paths.has("src/__init__.py")) {
    dir = "src";
    rest = rest.slice(4);
  }
  const parts = rest.split("/");
  if (parts.at(-1) === "__init__") parts.pop();
  if (parts.length === 0 || !parts.every((part) => /^[A-Za-z_]\w*$/.test(part))) return null;
  return { dir, name: parts.join(".") };
}

/** The folder of the nearest manage.py above a settings file ("" when at the app root). */
function djangoBase(settingsPath: string, paths: Set<string>): string {
  const parts = settingsPath.split("/");
  for (let depth = parts.length - 1; depth >= 0; depth--) {
    const dir = parts.slice(0, depth).join("/");
    if (paths.has(dir === "" ? "manage.py" : `${dir}/manage.py`)) return dir;
  }
  return "";
}
