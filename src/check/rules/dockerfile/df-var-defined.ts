// DF-VAR-DEFINED: variables are defined where they are used. Checks what can be known
// without the base image's environment: ARGs in FROM (declared before the first FROM),
// global ARGs used in a stage without re-declaring them, and ENV self-references (DL3044).
import type { DockerfileModel, Instr } from "../../parse/dockerfile.js";
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { stageChain } from "./stages.js";

const PREDEFINED = new Set([
  "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "all_proxy",
  "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
  "BUILDKIT_SYNTAX", "SOURCE_DATE_EPOCH",
]);
const BUILD_TIME = new Set(["COPY", "ADD", "ENV", "LABEL", "WORKDIR", "USER", "EXPOSE", "VOLUME", "STOPSIGNAL", "ARG"]);

interface Prop {
  getName(): string;
  getValue(): string | null;
}

export const dfVarDefined = defineRule({
  id: "DF-VAR-DEFINED",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "Variables are defined before use (ARG before FROM, re-declared in the stage; no self-reference in one ENV)",
  why: "An undefined variable expands to an empty string without any error, so the build quietly uses the wrong image, path or version.",
  fix: "Declare `ARG NAME=default` before the first FROM for FROM lines, and repeat `ARG NAME` inside each stage that uses it.",
  refs: { hadolint: "DL3044", buildkit: "UndefinedVar, UndefinedArgInFrom, InvalidDefaultArgInFrom" },
  check(model) {
    const hits: Hit[] = [];
    for (const stage of model.stages) {
      const missing = stage.missingArgs.filter((n) => !PREDEFINED.has(n));
      for (const name of new Set(missing)) {
        const declared = model.globalArgs.has(name);
        hits.push({ line: stage.from.line, message: declared ? `ARG ${name} used in FROM has no default value` : `ARG ${name} used in FROM is not declared before the first FROM` });
      }
    }
    for (const instr of model.instructions) {
      if (!instr.stage || instr.keyword === "FROM" || !BUILD_TIME.has(instr.keyword)) continue;
      hits.push(...globalArgNotRedeclared(model, instr));
      if (instr.keyword === "ENV") hits.push(...envSelfReference(model, instr));
    }
    return hits;
  },
});

function globalArgNotRedeclared(model: DockerfileModel, instr: Instr): Hit[] {
  const stage = instr.stage;
  if (!stage) return [];
  const names = new Set(instr.node.getVariables().map((v) => v.getName()));
  const hits: Hit[] = [];
  for (const name of names) {
    if (!model.globalArgs.has(name) || PREDEFINED.has(name)) continue;
    const defined = stageChain(stage)
      .flatMap((s) => s.instructions)
      .some((i) => i.line < instr.line && (i.keyword === "ARG" || i.keyword === "ENV") && propsOf(i).some((p) => p.getName() === name));
    if (!defined) hits.push({ line: instr.line, message: `${name} is a global ARG: re-declare \`ARG ${name}\` in this stage, or it is empty here` });
  }
  return hits;
}

function envSelfReference(model: DockerfileModel, instr: Instr): Hit[] {
  const props = propsOf(instr);
  const hits: Hit[] = [];
  const earlier = new Set<string>();
  for (const p of props) {
    const value = p.getValue() ?? "";
    for (const name of earlier) {
      if (new RegExp(`\\$\\{?${name}\\b`).test(value) && !definedBefore(model, name, instr)) {
        hits.push({ line: instr.line, message: `ENV ${p.getName()} refers to ${name}, defined in the same ENV: it is not set yet` });
      }
    }
    earlier.add(p.getName());
  }
  return hits;
}

function definedBefore(model: DockerfileModel, name: string, instr: Instr): boolean {
  try {
    return model.ast.resolveVariable(name, instr.line - 2) !== undefined;
  } catch {
    return false;
  }
}

function propsOf(instr: Instr): Prop[] {
  const node = instr.node as unknown as { getProperties?(): Prop[] };
  return node.getProperties?.() ?? [];
}
