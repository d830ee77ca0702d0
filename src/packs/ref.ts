// The one reference syntax of presets and template packs (--preset, --template, `extends`,
// `templates:` and the user config's aliases):
//   builtin:<name> | <name>                      a built-in preset (presets/<name>.yaml)
//   ./path, ../path, /abs/path, ~/path            a file or folder on disk
//   npm:<package>[@range][/<name>]                an npm package (node_modules first)
//   gh:<org>/<repo>[//subdir][#ref]               a GitHub repository
//   git+https://..., git+ssh://..., git+file://...[//subdir][#ref]
//   <alias>:[<name>]                              an alias from the user config
// Pure: parsing only.
import { PresetError } from "../errors.js";

export type Ref =
  | { type: "builtin"; name: string; raw: string }
  | { type: "path"; path: string; raw: string }
  | { type: "npm"; pkg: string; range: string | null; name: string | null; raw: string }
  | { type: "git"; url: string; subdir: string | null; rev: string | null; raw: string }
  | { type: "alias"; alias: string; name: string | null; raw: string };

const NAME = /^[a-z0-9][a-z0-9._-]*$/;
const NPM_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

export function parseRef(raw: string): Ref {
  const text = raw.trim();
  const bad = (why: string, fix: string) => new PresetError(`${JSON.stringify(raw)} is not a preset or template reference: ${why}.\nfix: ${fix}`);
  if (!text) throw bad("it is empty", "use builtin:<name>, a path, npm:<package>, gh:<org>/<repo> or git+https://...");
  if (/[\n\r\0]/.test(text)) throw bad("it contains a control character", "write the reference on one line");
  if (text.startsWith("builtin:")) {
    const name = text.slice("builtin:".length);
    if (!NAME.test(name)) throw bad("the built-in name is not valid", "use a name from `docker-scaffold presets`");
    return { type: "builtin", name, raw };
  }
  if (text.startsWith("npm:")) return parseNpm(text.slice(4), raw, bad);
  if (text.startsWith("gh:")) {
    const { base, subdir, rev } = splitGit(text.slice(3), 0);
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(base)) throw bad("gh: takes <org>/<repo>", "write gh:<org>/<repo>[//subdir][#ref]");
    return { type: "git", url: `https://github.com/${base.replace(/\.git$/, "")}.git`, subdir, rev, raw };
  }
  const git = /^git\+(https|ssh|file|http):\/\//.exec(text);
  if (git) {
    const afterScheme = text.indexOf("://") + 3;
    const { base, subdir, rev } = splitGit(text, afterScheme);
    return { type: "git", url: base.slice("git+".length), subdir, rev, raw };
  }
  if (text.startsWith(".") || text.startsWith("/") || text.startsWith("~") || /^[A-Za-z]:[\\/]/.test(text)) return { type: "path", path: text, raw };
  const alias = /^([a-z0-9][a-z0-9-]*):(.*)$/.exec(text);
  if (alias) {
    const name = alias[2]!;
    if (name && (!/^[A-Za-z0-9._/-]+$/.test(name) || name.split("/").some((s) => s === ".." || s === "."))) throw bad("the name after the alias is not valid", "write <alias>:<name>");
    return { type: "alias", alias: alias[1]!, name: name || null, raw };
  }
  if (text.includes("/") || /\.ya?ml$/.test(text)) return { type: "path", path: text, raw };
  if (NAME.test(text)) return { type: "builtin", name: text, raw };
  throw bad("it is neither a name, a path nor a known scheme", "use builtin:<name>, ./path, npm:<package>, gh:<org>/<repo> or git+https://...");
}

function parseNpm(rest: string, raw: string, bad: (why: string, fix: string) => PresetError): Ref {
  // [@scope/]pkg[@range][/name]
  const parts = rest.split("/");
  let pkgPart: string;
  let after: string[];
  if (rest.startsWith("@")) {
    if (parts.length < 2) throw bad("a scoped package needs @scope/name", "write npm:@scope/package");
    pkgPart = `${parts[0]}/${parts[1]}`;
    after = parts.slice(2);
  } else {
    pkgPart = parts[0]!;
    after = parts.slice(1);
  }
  const at = pkgPart.indexOf("@", 1);
  const pkg = at > 0 ? pkgPart.slice(0, at) : pkgPart;
  const range = at > 0 ? pkgPart.slice(at + 1) : null;
  if (!NPM_NAME.test(pkg)) throw bad(`${JSON.stringify(pkg)} is not an npm package name`, "write npm:<package>[@range][/<name>]");
  if (range !== null && !/^[\w.*^~<>=| -]+$/.test(range)) throw bad(`${JSON.stringify(range)} is not a version range`, "write a semver range, e.g. npm:pkg@^1.2");
  const name = after.join("/") || null;
  if (name !== null && (name.split("/").some((s) => s === ".." || s === "." || s === "") || !/^[A-Za-z0-9._/-]+$/.test(name))) {
    throw bad(`${JSON.stringify(name)} is not a name inside the package`, "write npm:<package>/<name> with a plain name");
  }
  return { type: "npm", pkg, range, name, raw };
}

/** url[//subdir][#rev]: the subdir separator is the first `//` after `from`. */
function splitGit(text: string, from: number): { base: string; subdir: string | null; rev: string | null } {
  let rest = text;
  let rev: string | null = null;
  const hash = rest.indexOf("#", from);
  if (hash >= 0) {
    rev = rest.slice(hash + 1) || null;
    rest = rest.slice(0, hash);
  }
  let subdir: string | null = null;
  const sep = rest.indexOf("//", from);
  if (sep >= 0) {
    subdir = rest.slice(sep + 2).replace(/\/+$/, "") || null;
    rest = rest.slice(0, sep);
  }
  if (subdir !== null && subdir.split("/").some((s) => s === ".." || s === "")) {
    throw new PresetError(`${JSON.stringify(text)}: the sub-folder ${JSON.stringify(subdir)} leaves the repository.\nfix: name a folder inside it, without ..`);
  }
  if (rev !== null && !/^[A-Za-z0-9._/@^~+-]+$/.test(rev)) throw new PresetError(`${JSON.stringify(text)}: ${JSON.stringify(rev)} is not a git ref.\nfix: use a tag, branch or commit`);
  return { base: rest, subdir, rev };
}
