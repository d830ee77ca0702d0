// Docker command lines in Makefile recipes.
import type { MakefileModel, RecipeLine } from "../../parse/makefile.js";

export interface DockerCall {
  line: number;
  text: string;
  kind: "build" | "buildx" | "compose-build" | "run" | "other";
}

export function dockerCalls(model: MakefileModel): DockerCall[] {
  const out: DockerCall[] = [];
  for (const rule of model.rules) for (const r of rule.recipe) out.push(...classify(r));
  return out;
}

function classify(r: RecipeLine): DockerCall[] {
  const calls: DockerCall[] = [];
  for (const part of r.text.split(/&&|\|\||;/)) {
    const t = part.trim().replace(/^[@+-]+/, "");
    if (!/(^|\s|\/)(docker|\$\(DOCKER\)|\$\{DOCKER\}|podman)\s/.test(t)) continue;
    let kind: DockerCall["kind"] = "other";
    if (/\bbuildx\s+build\b/.test(t)) kind = "buildx";
    else if (/\b(docker|podman|\$\(DOCKER\)|\$\{DOCKER\})\s+(image\s+)?build\b/.test(t)) kind = "build";
    else if (/(\bcompose|docker-compose)\s+(?:-\S+\s+(?:[^-\s]\S*\s+)?)*build\b/.test(t)) kind = "compose-build";
    else if (/\brun\b/.test(t)) kind = "run";
    calls.push({ line: r.line, text: t, kind });
  }
  return calls;
}

export function targetRecipe(model: MakefileModel, target: string): RecipeLine[] {
  return model.rules.filter((r) => r.targets.includes(target)).flatMap((r) => r.recipe);
}
