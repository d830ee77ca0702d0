// checkPaths: find the files (issue 3's names in the current directory, or the given paths),
// read them with their siblings as context, read .docker-scaffold.yml, and run checkTexts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { UsageError } from "../errors.js";
import { CONFIG_FILE, configFromYaml, validateConfig } from "./config.js";
import { checkTexts } from "./run.js";
import { findShellcheck } from "./shellcheck-runner.js";
import { parseSeverity } from "./severity.js";
import { classifyFile, isDiscoverable } from "./targets.js";
import type { CheckOptions, CheckResult, TextFile } from "./types.js";

/** Bigger files are not configuration; reading them would only slow check down. */
const MAX_BYTES = 1024 * 1024;

export async function checkPaths(options: CheckOptions): Promise<CheckResult> {
  const cwd = resolve(options.cwd);
  if (options.severity !== undefined) parseSeverity(options.severity);
  const config = options.config ? validateConfig(options.config) : readConfig(cwd);
  const targets = new Set<string>();
  const dirs = new Set<string>();
  const paths = options.paths?.length ? options.paths : ["."];
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : resolve(cwd, p);
    if (!existsSync(abs)) throw new UsageError(`check: ${p}: no such file or directory`);
    if (statSync(abs).isDirectory()) {
      const found = discover(abs);
      for (const f of found) targets.add(f);
      dirs.add(abs);
    } else {
      if (classifyFile(baseName(abs)) === undefined) {
        throw new UsageError(`check: ${p}: not a file check knows (Dockerfile*, *.Dockerfile, .dockerignore, compose*.y*ml, docker-compose*.y*ml, env.example, Makefile)`);
      }
      targets.add(abs);
      dirs.add(resolve(abs, ".."));
    }
  }
  const texts: TextFile[] = [];
  for (const abs of targets) texts.push({ path: display(cwd, abs), text: readText(abs) });
  // Siblings inform cross-file rules (COPY vs .dockerignore, ${VAR} vs env.example, .gitignore).
  for (const dir of dirs) {
    // A compose file that builds apps in sub-folders brings their Dockerfiles as context.
    const contexts = [...targets, ...discover(dir)].filter((abs) => classifyFile(baseName(abs)) === "compose" && resolve(abs, "..") === dir).flatMap((abs) => buildContextDirs(readText(abs)));
    for (const abs of [...discover(dir), join(dir, ".gitignore"), ...contexts.flatMap((c) => discover(resolve(dir, c)))]) {
      if (targets.has(abs) || !existsSync(abs)) continue;
      texts.push({ path: display(cwd, abs), text: readText(abs), context: true });
    }
  }
  const files = texts.filter((t) => !t.context).map((t) => t.path).sort();
  // DF-RUN-SHELLCHECK needs the shellcheck binary: used when installed, unless configured off.
  const shellcheck = options.shellcheck === false ? undefined : findShellcheck();
  return { files, findings: checkTexts(texts, shellcheck ? { ...config, shellcheck } : config) };
}

/** Relative sub-folders that a compose file's services build from (./api), for context. */
export function buildContextDirs(composeText: string): string[] {
  let data: unknown;
  try {
    data = parseYaml(composeText);
  } catch {
    return [];
  }
  const services = (data as { services?: Record<string, { build?: unknown }> } | null)?.services;
  if (!services || typeof services !== "object") return [];
  const out = new Set<string>();
  for (const svc of Object.values(services)) {
    const build = svc?.build;
    const context = typeof build === "string" ? build : build && typeof build === "object" ? (build as { context?: unknown }).context : undefined;
    if (typeof context !== "string") continue;
    const sub = context.trim().replace(/^\.\//, "").replace(/\/+$/, "");
    if (/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(sub) && !sub.split("/").includes("..") && sub !== ".") out.add(sub);
  }
  return [...out];
}

/** The files issue 3 names, in one directory (not recursive). */
export function discover(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => isDiscoverable(n))
    .map((n) => join(dir, n))
    .filter((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

function readConfig(cwd: string) {
  const path = join(cwd, CONFIG_FILE);
  if (!existsSync(path)) return {};
  return configFromYaml(readFileSync(path, "utf8"), CONFIG_FILE);
}

function readText(abs: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(abs);
  } catch (err) {
    throw new UsageError(`check: cannot read ${abs}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const text = buf.subarray(0, MAX_BYTES).toString("utf8");
  return buf.length > MAX_BYTES ? text.slice(0, text.lastIndexOf("\n") + 1) : text;
}

function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel.startsWith("..") || isAbsolute(rel) ? abs : rel).replace(/\\/g, "/");
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}
