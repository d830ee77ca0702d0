// A Dockerfile as stages and instructions, built on dockerfile-ast (the VS Code
// Docker language server's parser). ARG defaults are expanded in FROM as BuildKit does.
import { DockerfileParser, type Dockerfile, type Instruction, type Flag } from "dockerfile-ast";
import { expandVars } from "./expand.js";
import { parseImageRef, type ImageRef } from "./image-ref.js";
import { parseShell, type ShellScript } from "./shell.js";
import type { SourceFile } from "./source.js";

export interface Instr {
  keyword: string;
  /** 1-based first and last line. */
  line: number;
  endLine: number;
  node: Instruction;
  stage: Stage | undefined;
  /** Arguments as one string, continuation lines joined (flags excluded for RUN/COPY/...). */
  content: string;
  /** Whitespace-separated argument words (after flags for instructions that take flags). */
  words: string[];
  flags: FlagInfo[];
}

export interface FlagInfo {
  name: string;
  value: string | null;
  options: Record<string, string | null>;
}

export interface Stage {
  index: number;
  /** Lower-cased `AS` name. */
  name: string | undefined;
  from: Instr;
  /** FROM image text as written, and after ARG expansion. */
  imageText: string;
  imageExpanded: string;
  /** ARGs in FROM that had no value. */
  missingArgs: string[];
  /** Parsed reference, unless the FROM names an earlier stage. */
  ref: ImageRef | undefined;
  parent: Stage | undefined;
  instructions: Instr[];
}

export interface RunInfo {
  instr: Instr;
  /** Exec (JSON) form: no shell involved. */
  execForm: boolean;
  script: string;
  shell: ShellScript;
  mounts: Record<string, string | null>[];
}

export interface DockerfileModel {
  kind: "dockerfile";
  file: SourceFile;
  ast: Dockerfile;
  instructions: Instr[];
  /** ARGs declared before the first FROM, with their defaults (undefined: no default). */
  globalArgs: Map<string, string | undefined>;
  stages: Stage[];
  runs: RunInfo[];
}

const FLAGGED = new Set(["RUN", "COPY", "ADD", "FROM", "HEALTHCHECK"]);

export function parseDockerfile(file: SourceFile): DockerfileModel {
  const ast = DockerfileParser.parse(file.text);
  const instructions: Instr[] = [];
  const stages: Stage[] = [];
  const globalArgs = new Map<string, string | undefined>();
  for (const node of ast.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    const range = node.getRange();
    const hasFlags = FLAGGED.has(keyword) && "getFlags" in node;
    const instr: Instr = {
      keyword,
      line: range.start.line + 1,
      endLine: range.end.line + 1,
      node,
      stage: stages[stages.length - 1],
      content: node.getArgumentsContent() ?? "",
      words: node.getArguments().map((a) => a.getValue()),
      flags: hasFlags ? (node as unknown as { getFlags(): Flag[] }).getFlags().map(flagInfo) : [],
    };
    if (keyword === "FROM") {
      const stage = makeStage(instr, stages, globalArgs);
      instr.stage = stage;
      stages.push(stage);
    } else if (keyword === "ARG" && stages.length === 0) {
      for (const p of (node as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) {
        globalArgs.set(p.getName(), p.getValue() ?? undefined);
      }
    }
    instr.stage?.instructions.push(instr);
    instructions.push(instr);
  }
  const model: DockerfileModel = { kind: "dockerfile", file, ast, instructions, globalArgs, stages, runs: [] };
  model.runs = instructions.filter((i) => i.keyword === "RUN").map((i) => runInfo(i, file.lines));
  return model;
}

function flagInfo(flag: Flag): FlagInfo {
  const options: Record<string, string | null> = {};
  for (const o of flag.getOptions()) options[o.getName()] = o.getValue();
  return { name: flag.getName(), value: flag.getValue(), options };
}

function makeStage(from: Instr, stages: Stage[], globalArgs: Map<string, string | undefined>): Stage {
  const fromNode = from.node as unknown as { getImage(): string | null; getBuildStage(): string | null };
  const imageText = fromNode.getImage() ?? "";
  const expansion = expandVars(imageText, (n) => globalArgs.get(n), { backslashEscape: true });
  const imageExpanded = expansion.value;
  const lower = imageExpanded.toLowerCase();
  const parent = stages.find((s) => s.name !== undefined && s.name === lower);
  return {
    index: stages.length,
    name: fromNode.getBuildStage()?.toLowerCase() ?? undefined,
    from,
    imageText,
    imageExpanded,
    missingArgs: expansion.missing,
    ref: parent ? undefined : parseImageRef(imageExpanded),
    parent,
    instructions: [],
  };
}

function runInfo(instr: Instr, fileLines: string[]): RunInfo {
  const node = instr.node as unknown as {
    getOpeningBracket?(): unknown;
    getClosingBracket?(): unknown;
    getJSONStrings?(): { getJSONValue(): string }[];
    getHeredocs?(): { getContentRange(): { start: { line: number }; end: { line: number } } | null }[];
  };
  const json = execFormWords(instr);
  const mounts = instr.flags.filter((f) => f.name === "mount").map((f) => f.options);
  if (json) {
    return {
      instr,
      execForm: true,
      script: json.join(" "),
      shell: { commands: json.length ? [{ name: json[0]?.split("/").pop() ?? "", args: json.slice(1), wrappers: [], assignments: [], pipeline: 0, pipeIndex: 0 }] : [], pipelineLengths: [1] },
      mounts,
    };
  }
  const heredocs = node.getHeredocs?.() ?? [];
  let script = instr.content;
  if (heredocs.length > 0) {
    const bodies = heredocs.map((h) => {
      const r = h.getContentRange();
      return r ? fileLines.slice(r.start.line, r.end.line + 1).join("\n") : "";
    });
    script = bodies.join("\n");
  }
  return { instr, execForm: false, script, shell: parseShell(toOneLine(script)), mounts };
}

/** The JSON array of an exec-form instruction, or undefined when it is shell form or invalid JSON. */
export function execFormWords(instr: Instr): string[] | undefined {
  const text = instr.content.trim();
  if (!text.startsWith("[")) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === "string")) return parsed as string[];
  } catch {
    // shell form after all
  }
  return undefined;
}

/** Newlines end commands; backslash-newline continues them. */
function toOneLine(script: string): string {
  return script
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .filter((l) => !/^\s*#/.test(l))
    .join(" ; ");
}
