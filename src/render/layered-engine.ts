// Templates in layers: the repository's own .docker-scaffold/templates/, then template
// packs (each followed by the packs it extends), then the built-in templates. A template
// or partial in a higher layer replaces the same path below it, and can call the one it
// replaced with {{> super}} (or the built-in one with {{> builtin/<name>}}). Compiled with
// the full Handlebars compiler, loaded only when there are layers. No helper is ever
// registered from a layer: packs are data.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type HandlebarsFull from "handlebars";
import { PresetError } from "../errors.js";
import { listFiles } from "../packs/safe-walk.js";
import { COMPILE_OPTIONS, TEMPLATE_DIR, listTemplates, partialNames } from "./templates.js";

export interface TemplateLayer {
  /** The folder holding the templates (the same layout as templates/). */
  dir: string;
  /** The pack root the folder must not leave (symlinks out of it are refused). */
  root: string;
  /** How messages name it: `pack acme@1.2.0 (gh:acme/standards#v1)`, `.docker-scaffold/templates`. */
  label: string;
}

type Render = (view: object, options?: object) => string;

interface Version {
  layer: number;
  label: string;
  file: string;
  source: string;
}

const require = createRequire(import.meta.url);
const SUPER_RE = /\{\{(~?)(#?)>\s*super(?=[\s}~])/g;

export function createLayeredEngine(layers: readonly TemplateLayer[]): (name: string, view: object) => string {
  const hb = (require("handlebars") as typeof HandlebarsFull).create();
  const builtin = layers.length;
  const stacks = new Map<string, Version[]>();
  const add = (layer: number, label: string, file: string, name: string) => {
    for (const p of partialNames(name)) {
      const list = stacks.get(p) ?? [];
      list.push({ layer, label, file, source: readFileSync(file, "utf8") });
      stacks.set(p, list);
    }
  };
  layers.forEach((l, i) => {
    for (const name of listFiles(l.root, relativeTo(l.root, l.dir), l.label)) if (name.endsWith(".hbs")) add(i, l.label, join(l.dir, name), name);
  });
  for (const name of listTemplates(TEMPLATE_DIR)) add(builtin, "built-in", join(TEMPLATE_DIR, name), name);

  const idOf = (p: string, v: Version) => `${p}@${v.layer}`;
  const sources = new Map<string, { version: Version; source: string }>();
  for (const [p, versions] of stacks) {
    versions.forEach((v, k) => {
      const below = versions[k + 1];
      let source = v.source;
      if (source.search(SUPER_RE) >= 0) {
        if (!below) {
          throw new PresetError(`${v.file} (${v.label}): {{> super}} in ${p}, but no layer below has a template ${p} to call.\nfix: remove {{> super}}, or override a template that exists (see templates/ in docker-scaffold)`);
        }
        source = source.replace(SUPER_RE, (_m, tilde: string, hash: string) => `{{${tilde}${hash}> ${JSON.stringify(idOf(p, below))}`);
      }
      sources.set(idOf(p, v), { version: v, source });
    });
  }
  const known = new Set<string>(["@partial-block"]);
  for (const [p, versions] of stacks) {
    known.add(p);
    for (const v of versions) known.add(idOf(p, v));
    if (versions.some((v) => v.layer === builtin)) known.add(`builtin/${p}`);
  }

  // Every template a layer brings is parsed now: a syntax error or a partial that no layer
  // has is exit 2 naming the file, before anything is rendered.
  for (const { version, source } of sources.values()) {
    if (version.layer === builtin) continue;
    let ast: hbs.AST.Program;
    try {
      ast = hb.parse(source);
    } catch (err) {
      throw new PresetError(`${version.file} (${version.label}) is not a valid Handlebars template: ${(err as Error).message.split("\n")[0]}\nfix: correct the template`);
    }
    for (const ref of partialRefs(ast)) {
      if (ref === null) throw new PresetError(`${version.file} (${version.label}): a partial with a computed name; packs may only name their partials.\nfix: write {{> name}} with a fixed name`);
      if (!known.has(ref)) {
        throw new PresetError(`${version.file} (${version.label}): {{> ${ref}}} names a partial that no template layer has.\nfix: add ${ref}.hbs to the pack, or use a built-in partial (e.g. labels, python/build)`);
      }
    }
  }

  const compiled = new Map<string, Render>();
  const get = (id: string): Render => {
    let fn = compiled.get(id);
    if (!fn) {
      const entry = sources.get(id);
      if (!entry) throw new Error(`no template ${id}`);
      fn = hb.compile(entry.source, COMPILE_OPTIONS) as Render;
      compiled.set(id, fn);
    }
    return fn;
  };
  const lazy = (id: string): Render => (view, options) => get(id)(view, options);
  for (const [p, versions] of stacks) {
    hb.registerPartial(p, lazy(idOf(p, versions[0]!)) as never);
    for (const v of versions) {
      hb.registerPartial(idOf(p, v), lazy(idOf(p, v)) as never);
      if (v.layer === builtin) hb.registerPartial(`builtin/${p}`, lazy(idOf(p, v)) as never);
    }
  }

  const labels = layers.map((l) => l.label).join(", ");
  return (name, view) => {
    const p = partialNames(name)[0];
    const top = p ? stacks.get(p)?.[0] : undefined;
    if (!p || !top) throw new Error(`no template ${name}`);
    try {
      return get(idOf(p, top))(view);
    } catch (err) {
      throw new PresetError(`Rendering ${name} with the templates of ${labels} failed: ${(err as Error).message.split("\n")[0]}\nfix: correct the template (it may use only the fields the built-in templates use)`);
    }
  };
}

function relativeTo(root: string, dir: string): string {
  return dir === root ? "" : dir.slice(root.length + 1);
}

/** The partials a template names (null for a computed name). */
function partialRefs(node: unknown, out: (string | null)[] = []): (string | null)[] {
  if (Array.isArray(node)) {
    for (const n of node) partialRefs(n, out);
    return out;
  }
  if (!node || typeof node !== "object") return out;
  const n = node as { type?: string; name?: { type: string; original?: unknown; value?: unknown } };
  if ((n.type === "PartialStatement" || n.type === "PartialBlockStatement") && n.name) {
    if (n.name.type === "PathExpression") out.push(String(n.name.original));
    else if (n.name.type === "StringLiteral" || n.name.type === "NumberLiteral") out.push(String(n.name.value));
    else out.push(null);
  }
  for (const [key, value] of Object.entries(node)) if (key !== "loc" && key !== "name" && value && typeof value === "object") partialRefs(value, out);
  return out;
}

/** A single file a pack adds (files: in pack.yaml), rendered strictly with the common view. */
export function renderPackTemplate(source: string, file: string, view: object): string {
  const hb = (require("handlebars") as typeof HandlebarsFull).create();
  try {
    return hb.compile(source, COMPILE_OPTIONS)(view);
  } catch (err) {
    throw new PresetError(`${file}: ${(err as Error).message.split("\n")[0]}\nfix: correct the template (it may use only the fields of the common view: name, port, uid, gid, ...)`);
  }
}
