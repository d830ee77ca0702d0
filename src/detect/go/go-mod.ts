// go.mod read as text (its grammar is small): module, go, toolchain and require lines.

export interface GoMod {
  module: string | null;
  go: string | null;
  toolchain: string | null;
  requires: { path: string; version: string; indirect: boolean }[];
}

export function parseGoMod(text: string): GoMod {
  const mod: GoMod = { module: null, go: null, toolchain: null, requires: [] };
  let inRequire = false;
  for (const raw of text.split(/\r?\n/)) {
    const indirect = /\/\/\s*indirect\b/.test(raw);
    const line = raw.replace(/\/\/.*$/, "").trim();
    if (line === "") continue;
    if (inRequire) {
      if (line === ")") inRequire = false;
      else addRequire(mod, line, indirect);
      continue;
    }
    const directive = /^(module|go|toolchain|require)\s+(.+)$/.exec(line);
    if (!directive) continue;
    const value = directive[2]!.trim();
    switch (directive[1]) {
      case "module":
        mod.module = value.replace(/^"|"$/g, "");
        break;
      case "go":
        mod.go = value;
        break;
      case "toolchain":
        mod.toolchain = value;
        break;
      case "require":
        if (value === "(") inRequire = true;
        else addRequire(mod, value, indirect);
        break;
    }
  }
  return mod;
}

function addRequire(mod: GoMod, line: string, indirect: boolean): void {
  const [path, version] = line.split(/\s+/);
  if (path && version) mod.requires.push({ path, version, indirect });
}
