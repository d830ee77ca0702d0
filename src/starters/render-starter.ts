// renderStarter: StarterPlan -> RenderedFile[]. Pure like renderPlan (it reads only
// templates/). Source files are Handlebars templates; package.json and package-lock.json
// are edited as data (HOUSE-STYLE habit 5); pnpm-lock.yaml and yarn.lock hold no name
// and are copied as they are. Every starter file is "new-only": never overwritten.
import type { RenderedFile } from "../model/plan.js";
import { readTemplateFile, renderTemplate } from "../render/engine.js";
import { findStarterById } from "./catalog.js";
import type { StarterPlan } from "./plan-starter.js";

type Json = Record<string, unknown>;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** package.json: the template's, named after the app, with engines.node from the runtime version. */
function packageJson(id: string, plan: StarterPlan, nodeMajor: string): Json {
  const pkg = JSON.parse(readTemplateFile(`starters/${id}/package.json`)) as Json;
  return { ...pkg, name: plan.view.name, engines: { node: `>=${nodeMajor}` } };
}

/** package-lock.json names the root package (and copies its engines): keep it in step with package.json. */
function packageLock(id: string, pkg: Json): Json {
  const lock = JSON.parse(readTemplateFile(`starters/${id}/package-lock.json`)) as Json & { packages: Record<string, Json> };
  const root = lock.packages[""]!;
  return { ...lock, name: pkg.name, packages: { ...lock.packages, "": { ...root, name: pkg.name, engines: pkg.engines } } };
}

export function renderStarter(plan: StarterPlan): RenderedFile[] {
  const starter = findStarterById(plan.id);
  const files: RenderedFile[] = [];
  const add = (path: string, content: string) => files.push({ path, content, strategy: "new-only" });
  if (starter.node) {
    const pkg = packageJson(plan.id, plan, plan.view.runtimeVersion.split(".")[0]!);
    add("package.json", json(pkg));
    const lockfile = starter.node.lockfiles[plan.packageManager]!;
    add(lockfile, lockfile === "package-lock.json" ? json(packageLock(plan.id, pkg)) : readTemplateFile(`starters/${plan.id}/${lockfile}`));
  }
  for (const template of starter.templates) {
    const path = template.replace(/\.hbs$/, "").replace("__health__", plan.view.healthRoute);
    const name = `starters/${plan.id}/${template}`;
    add(path, template.endsWith(".hbs") ? renderTemplate(name, plan.view, { verbatim: true }) : readTemplateFile(name));
  }
  return files;
}
