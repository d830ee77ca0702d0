// TypeScript: whether the app is TypeScript, and where tsc puts its output (outDir,
// rootDir), read from tsconfig.build.json or tsconfig.json (JSON with comments).
import type { AppContext } from "../context.js";
import { getString, parseJson } from "../parse.js";

export interface TsInfo {
  typescript: boolean;
  outDir: string | null;
  rootDir: string | null;
  evidence: string[];
}

const TSCONFIGS = ["tsconfig.build.json", "tsconfig.json"];

export async function readTsInfo(ctx: AppContext, dependencies: Set<string>): Promise<TsInfo> {
  const evidence: string[] = [];
  let outDir: string | null = null;
  let rootDir: string | null = null;
  let present = false;
  for (const file of TSCONFIGS) {
    // Follow one local `extends` so tsconfig.build.json inherits tsconfig.json's outDir.
    const chain = [file];
    for (let i = 0; i < chain.length && i < 3; i++) {
      const text = await ctx.text(chain[i]!);
      if (text === null) continue;
      present = true;
      const parsed = parseJson(stripJsonComments(text));
      if (!parsed.ok) {
        ctx.problem(`${ctx.at(chain[i]!)}: ${parsed.problem}`);
        evidence.push(`${ctx.at(chain[i]!)}: ${parsed.problem}`);
        continue;
      }
      const out = getString(parsed.value, "compilerOptions", "outDir");
      const root = getString(parsed.value, "compilerOptions", "rootDir");
      if (out && outDir === null) {
        outDir = cleanDir(out);
        evidence.push(`${ctx.at(chain[i]!)}: compilerOptions.outDir = ${out}`);
      }
      if (root && rootDir === null) {
        rootDir = cleanDir(root);
        evidence.push(`${ctx.at(chain[i]!)}: compilerOptions.rootDir = ${root}`);
      }
      const base = getString(parsed.value, "extends");
      if (base?.startsWith(".")) chain.push(base.replace(/^\.\//, "").replace(/(\.json)?$/, ".json"));
    }
    if (outDir !== null) break;
  }
  const typescript = present || dependencies.has("typescript");
  if (present) evidence.unshift(`${ctx.at("tsconfig.json")}: TypeScript configuration`);
  else if (typescript) evidence.unshift(`${ctx.at("package.json")}: depends on typescript`);
  return { typescript, outDir, rootDir, evidence };
}

function cleanDir(dir: string): string {
  return dir.replace(/^\.\//, "").replace(/\/+$/, "") || ".";
}

/** Comments and trailing commas removed, strings kept intact. */
export function stripJsonComments(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      out += char;
      if (char === "\\") out += text[++i] ?? "";
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (char === "/" && text[i + 1] === "*") {
      i += 2;
      while (i < text.length && !(text[i] === "*" && text[i + 1] === "/")) i++;
      i++;
    } else out += char;
  }
  return out.replace(/,(\s*[}\]])/g, "$1");
}
