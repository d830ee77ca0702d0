// One isolated Handlebars instance (HOUSE-STYLE habit 4): strict, no HTML escaping.
// Every template under templates/ (starters apart) is also a partial, named by its path
// without `.hbs` (`python/build`); those in `_partials/` by their bare name too (`labels`).
// The Dockerfiles are skeletons of such partials, so a template pack overrides one part.
//
// Templates come precompiled from the build (precompile.ts) while their source is
// unchanged, so a run loads only the Handlebars runtime; otherwise (from src/, or after
// editing a template) they are compiled here and the full compiler is loaded for it.
// Layers (a repository's .docker-scaffold/templates/, template packs) are in
// layered-engine.ts, loaded only when there are some.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type HandlebarsFull from "handlebars";
import HandlebarsRuntimeModule from "handlebars/runtime.js";
import { COMPILE_OPTIONS, PRECOMPILED_FILE, TEMPLATE_DIR, hashTemplate, listTemplates, partialNames } from "./templates.js";
import { createLayeredEngine, type TemplateLayer } from "./layered-engine.js";

export { TEMPLATE_DIR } from "./templates.js";

/** What precompile.ts writes: each template's source hash and precompiled spec. */
export type Precompiled = Record<string, { hash: string; spec: TemplateSpecification }>;
type TemplateSpecification = Parameters<typeof HandlebarsFull.template>[0];
type Render = (view: object) => string;
export type Engine = (name: string, view: object) => string;

const require = createRequire(import.meta.url);
/** handlebars/runtime: template() without the compiler (no parser, no source-map); bundled. */
const HandlebarsRuntime = HandlebarsRuntimeModule as unknown as Pick<typeof HandlebarsFull, "create">;

function loadPrecompiled(): Precompiled {
  try {
    return require(PRECOMPILED_FILE) as Precompiled;
  } catch {
    return {};
  }
}

/** A renderer over templates/, using `precompiled` for every template whose source matches. */
export function createEngine(precompiled: Precompiled): Engine {
  const sources = new Map(listTemplates(TEMPLATE_DIR).map((name) => [name, readFileSync(join(TEMPLATE_DIR, name), "utf8")]));
  const fresh = (name: string) => precompiled[name] !== undefined && precompiled[name].hash === hashTemplate(sources.get(name) ?? "");
  const full = [...sources.keys()].every(fresh) ? null : (require("handlebars") as typeof HandlebarsFull).create();
  const hb = full ?? HandlebarsRuntime.create();
  const build = (name: string): Render => {
    if (fresh(name)) return hb.template(precompiled[name]!.spec);
    const source = sources.get(name);
    if (source === undefined || !full) throw new Error(`no template ${name} in ${TEMPLATE_DIR}`);
    return full.compile(source, COMPILE_OPTIONS);
  };
  const compiled = new Map<string, Render>();
  const get = (name: string): Render => {
    let template = compiled.get(name);
    if (!template) {
      template = build(name);
      compiled.set(name, template);
    }
    return template;
  };
  for (const name of sources.keys()) {
    for (const partial of partialNames(name)) hb.registerPartial(partial, ((view: object, options?: object) => (get(name) as (v: object, o?: object) => string)(view, options)) as never);
  }
  return (name, view) => get(name)(view);
}

let engine: Engine | null = null;
const layeredEngines = new WeakMap<readonly TemplateLayer[], Engine>();

/** Render with these precompiled templates from now on (tests prove the build's output with it). */
export function useTemplates(precompiled: Precompiled): void {
  engine = createEngine(precompiled);
}

export interface RenderOptions {
  /** Keep blank lines as the template has them (source code of starter apps). */
  verbatim?: boolean;
  /** Template layers above the built-in templates, highest first (repository, packs). */
  layers?: readonly TemplateLayer[];
}

/**
 * Render templates/<name> with a plain view model. Unknown fields fail loudly (strict).
 * `verbatim` keeps blank lines as the template has them (source code of starter apps:
 * PEP 8 wants two blank lines between top-level definitions).
 */
export function renderTemplate(name: string, view: object, options: RenderOptions = {}): string {
  let render: Engine;
  if (options.layers && options.layers.length) {
    // One engine per run (its layers list): templates read once, and a pack edited between
    // two runs in one process is read again.
    let layered = layeredEngines.get(options.layers);
    if (!layered) {
      // The full compiler is loaded only here, where a repository or a pack brings templates.
      layered = createLayeredEngine(options.layers);
      layeredEngines.set(options.layers, layered);
    }
    render = layered;
  } else {
    engine ??= createEngine(loadPrecompiled());
    render = engine;
  }
  const text = render(name, view);
  return options.verbatim ? text : tidy(text);
}

/** A file under templates/, as it is (static files of starter apps, lockfiles). */
export function readTemplateFile(name: string): string {
  return readFileSync(join(TEMPLATE_DIR, name), "utf8");
}

/** Collapse the blank lines that conditional blocks leave behind; end with one newline. */
function tidy(text: string): string {
  return text.replace(/\n{3,}/g, "\n\n").replace(/\s+$/, "") + "\n";
}
