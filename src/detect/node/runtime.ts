// Node version: pins (.nvmrc, .node-version, .tool-versions, volta) before the
// engines.node range, then an existing Dockerfile's FROM node:X as the last resort.
import type { AppContext } from "../context.js";
import { ciVersionSource } from "../ci-versions.js";
import { getString } from "../parse.js";
import { pickVersion, type VersionSource } from "../versions.js";

export async function detectNodeVersion(
  ctx: AppContext,
  packageJsons: { path: string; value: Record<string, unknown> }[],
): Promise<{ version: { value: string | null; evidence: string[] }; min: string | null }> {
  const sources: VersionSource[] = [];
  for (const file of [".nvmrc", ".node-version"]) {
    const path = await ctx.findUp([file]);
    const text = path ? await ctx.textAt(path, 4096) : null;
    const first = text?.split(/\r?\n/).map((line) => line.replace(/#.*$/, "").trim()).find((line) => line !== "");
    if (path && first) sources.push({ where: path, raw: first });
  }
  const tools = await ctx.findUp([".tool-versions"]);
  const toolText = tools ? await ctx.textAt(tools, 16384) : null;
  const toolLine = toolText ? /^\s*(?:nodejs|node)\s+(\S+)/m.exec(toolText) : null;
  if (tools && toolLine) sources.push({ where: `${tools}: nodejs`, raw: toolLine[1]! });
  for (const pkg of packageJsons) {
    const volta = getString(pkg.value, "volta", "node");
    if (volta) sources.push({ where: `${pkg.path}: volta.node`, raw: volta });
  }
  for (const pkg of packageJsons) {
    const engines = getString(pkg.value, "engines", "node");
    if (engines) sources.push({ where: `${pkg.path}: engines.node`, raw: engines });
  }
  const dockerfile = await ctx.text("Dockerfile");
  const from = dockerfile ? /^\s*FROM\s+(?:--platform=\S+\s+)?(?:docker\.io\/)?(?:library\/)?node:v?(\d+(?:\.\d+)*)/im.exec(dockerfile) : null;
  if (from) sources.push({ where: `${ctx.at("Dockerfile")}: FROM node`, raw: from[1]! });
  const ci = await ciVersionSource(ctx, "node");
  if (ci) sources.push(ci);
  return pickVersion(sources, "node");
}
