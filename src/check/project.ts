// Parse every file once and group them by directory, so cross-file rules see their neighbours.
import { parseCompose } from "./parse/compose.js";
import { parseDockerfile } from "./parse/dockerfile.js";
import { parseDockerignore } from "./parse/dockerignore.js";
import { parseEnvFile } from "./parse/env-file.js";
import { parseGitignore } from "./parse/gitignore.js";
import { parseMakefile } from "./parse/makefile.js";
import { makeSource, type SourceFile } from "./parse/source.js";
import type { DirFiles, ParsedFile } from "./rule.js";
import { baseNameOf, dirNameOf } from "./targets.js";
import type { TextFile } from "./types.js";

export interface Project {
  files: ParsedFile[];
  dirs: Map<string, DirFiles>;
  /** Files that failed to parse at all (a bug in a parser), with the error. */
  failures: { file: SourceFile; error: unknown }[];
}

export function parseFile(file: SourceFile): ParsedFile {
  switch (file.kind) {
    case "dockerfile":
      return parseDockerfile(file);
    case "dockerignore":
      return parseDockerignore(file);
    case "compose":
      return parseCompose(file);
    case "env":
      return parseEnvFile(file);
    case "makefile":
      return parseMakefile(file);
  }
}

export function emptyDir(dir: string): DirFiles {
  return { dir, dockerfiles: [], dockerignores: [], composes: [], envs: [], makefiles: [], gitignore: undefined };
}

export function buildProject(texts: readonly TextFile[]): Project {
  const project: Project = { files: [], dirs: new Map(), failures: [] };
  const dirOf = (dir: string) => {
    let d = project.dirs.get(dir);
    if (!d) project.dirs.set(dir, (d = emptyDir(dir)));
    return d;
  };
  for (const t of texts) {
    const path = t.path.replace(/\\/g, "/");
    if (baseNameOf(path) === ".gitignore") {
      dirOf(dirNameOf(path)).gitignore = parseGitignore(t.text);
      continue;
    }
    const source = makeSource(path, t.text, t.context ?? false);
    if (!source) continue;
    let parsed: ParsedFile;
    try {
      parsed = parseFile(source);
    } catch (error) {
      project.failures.push({ file: source, error });
      continue;
    }
    project.files.push(parsed);
    const d = dirOf(source.dir);
    if (parsed.kind === "dockerfile") d.dockerfiles.push(parsed);
    else if (parsed.kind === "dockerignore") d.dockerignores.push(parsed);
    else if (parsed.kind === "compose") d.composes.push(parsed);
    else if (parsed.kind === "env") d.envs.push(parsed);
    else d.makefiles.push(parsed);
  }
  for (const d of project.dirs.values()) d.project = project.dirs;
  return project;
}
