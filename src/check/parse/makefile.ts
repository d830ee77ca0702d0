// A Makefile as variables, rules with their recipe lines, and .PHONY names.
import type { SourceFile } from "./source.js";

export interface MakeVariable {
  name: string;
  op: string;
  value: string;
  line: number;
}

export interface RecipeLine {
  text: string;
  line: number;
}

export interface MakeRule {
  targets: string[];
  prerequisites: string[];
  line: number;
  recipe: RecipeLine[];
}

export interface MakeProblem {
  line: number;
  message: string;
}

export interface MakefileModel {
  kind: "makefile";
  file: SourceFile;
  variables: MakeVariable[];
  rules: MakeRule[];
  phony: Set<string>;
  problems: MakeProblem[];
}

const ASSIGN = /^(?:export\s+|override\s+)?([A-Za-z0-9_.\-]+)\s*(:::=|::=|:=|\?=|\+=|!=|=)\s*(.*)$/;
const RULE = /^([^:=#]+?)\s*(::?)(?!=)\s*(.*)$/;
const DIRECTIVE = /^(-?include|sinclude|ifeq|ifneq|ifdef|ifndef|else|endif|define|endef|export|unexport|override|undefine|private|vpath|load|-load)\b|^\$[({]/;

export function parseMakefile(file: SourceFile): MakefileModel {
  const model: MakefileModel = { kind: "makefile", file, variables: [], rules: [], phony: new Set(), problems: [] };
  const logical = joinContinuations(file.lines);
  let current: MakeRule | undefined;
  let inDefine = 0;
  const conditionals: number[] = [];
  for (const { text, line } of logical) {
    if (inDefine) {
      if (/^\s*endef\b/.test(text)) inDefine = 0;
      continue;
    }
    // A tab line belongs to the rule above; with no rule above, GNU make reads it as an
    // ordinary line (a tab-indented assignment in an ifeq is fine) and only then complains.
    if (text.startsWith("\t") && current) {
      current.recipe.push({ text: text.slice(1), line });
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    if (/^define\b/.test(trimmed)) {
      inDefine = line;
      continue;
    }
    if (/^if(n?eq|n?def)\b/.test(trimmed)) conditionals.push(line);
    if (/^endif\b/.test(trimmed) && conditionals.pop() === undefined) model.problems.push({ line, message: "endif without ifeq/ifdef" });
    const assign = ASSIGN.exec(trimmed);
    if (assign) {
      model.variables.push({ name: assign[1] as string, op: assign[2] as string, value: (assign[3] ?? "").trim(), line });
      current = undefined;
      continue;
    }
    if (DIRECTIVE.test(trimmed)) continue;
    const rule = RULE.exec(trimmed);
    if (rule) {
      const targets = (rule[1] as string).split(/\s+/).filter(Boolean);
      const [prereqText, inline] = splitInlineRecipe(rule[3] ?? "");
      current = { targets, prerequisites: prereqText.split(/\s+/).filter(Boolean), line, recipe: [] };
      if (inline !== undefined) current.recipe.push({ text: inline, line });
      model.rules.push(current);
      if (targets.includes(".PHONY")) for (const p of current.prerequisites) model.phony.add(p);
      continue;
    }
    if (/^ +/.test(text) && current) {
      model.problems.push({ line, message: "recipe line starts with spaces, not a tab (make: missing separator)" });
      continue;
    }
    model.problems.push({
      line,
      message: text.startsWith("\t") ? "recipe line (starting with a tab) before any rule (make: recipe commences before first target)" : "not a rule, assignment or directive (make: missing separator)",
    });
  }
  if (inDefine) model.problems.push({ line: inDefine, message: "define without endef" });
  for (const open of conditionals) model.problems.push({ line: open, message: "ifeq/ifdef without endif" });
  return model;
}

function splitInlineRecipe(text: string): [string, string | undefined] {
  const i = text.indexOf(";");
  return i < 0 ? [text.replace(/#.*$/, ""), undefined] : [text.slice(0, i), text.slice(i + 1).trim()];
}

function joinContinuations(lines: readonly string[]): RecipeLine[] {
  const out: RecipeLine[] = [];
  let buf: string | undefined;
  let start = 0;
  lines.forEach((raw, i) => {
    if (buf === undefined) {
      buf = raw;
      start = i + 1;
    } else {
      buf += " " + raw.replace(/^\s+/, "");
    }
    if (buf.endsWith("\\")) buf = buf.slice(0, -1);
    else {
      out.push({ text: buf, line: start });
      buf = undefined;
    }
  });
  if (buf !== undefined) out.push({ text: buf, line: start });
  return out;
}
