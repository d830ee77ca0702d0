// The runtime version CI sets up (actions/setup-node, setup-python), the weakest version
// source: used only when every workflow agrees on one version.
import type { AppContext } from "./context.js";
import type { VersionSource } from "./versions.js";

const MAX_WORKFLOWS = 20;

/** `node-version: 20.x`, `python-version: "3.12"`, `node: [20]` in a matrix. */
export async function ciVersionSource(ctx: AppContext, tool: "node" | "python"): Promise<VersionSource | null> {
  const dir = ".github/workflows";
  const entries = (await ctx.reader.list(dir)).filter((e) => e.kind === "file" && /\.ya?ml$/.test(e.name)).slice(0, MAX_WORKFLOWS);
  const values = new Map<string, string>();
  const line = new RegExp(`^\\s*-?\\s*(?:${tool}-version|${tool})\\s*:\\s*(.+?)\\s*$`, "gm");
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    const text = await ctx.textAt(path, 256 * 1024);
    if (text === null) continue;
    for (const match of text.matchAll(line)) {
      const raw = match[1]!.replace(/\s+#.*$/, "");
      if (raw.includes("${{")) continue;
      for (const token of raw.replace(/^\[|\]$/g, "").split(",")) {
        const version = token.trim().replace(/^['"]|['"]$/g, "");
        if (/^v?\d+(\.(\d+|x))*$/.test(version) && !values.has(version)) values.set(version, path);
      }
    }
  }
  if (values.size !== 1) return null;
  const [version, path] = [...values.entries()][0]!;
  return { where: `${path}: ${tool}-version (CI)`, raw: version };
}
