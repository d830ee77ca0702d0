// One isolated Handlebars instance (HOUSE-STYLE habit 4): strict, no HTML escaping,
// partials from templates/_partials. Templates come precompiled from the build
// (precompile.ts) while their source is unchanged, so a run loads only the Handlebars
// runtime; otherwise (from src/, or after editing a template) they are compiled here and
// the full compiler is loaded for it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type HandlebarsFull from "handlebars";
import { COMPILE_OPTIONS, PRECOMPILED_FILE, TEMPLATE_DIR, hashTemplate, listTemplates } from "./templates.js";

export { TEMPLATE_DIR } from "./templates.js";

/** What precompile.ts writes: each template's source hash and precompiled spec. */
export type Precompiled = Record<string, { hash: string; spec: TemplateSpecification }>;
type TemplateSpecification = Parameters<typeof HandlebarsFull.template>[0];
type Render = (view: object) => string;

const require = createRequire(import.meta.url);
/** handlebars/runtime: template() without the compiler (no parser, no source-map). */
const HandlebarsRuntime = require("handlebars/runtime") as Pick<typeof HandlebarsFull, "create">;

function loadPrecompiled(): Precompiled {
  try {
    return require(`./${PRECOMPILED_FILE}`) as Precompiled;
  } catch {
    return {};
  }
}

/** A renderer over templates/, using `precompiled` for every template whose source matches. */
export function createEngine(precompiled: Precompiled): (name: string, view: object) => string {
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
  for (const name of sources.keys()) {
    if (name.startsWith("_partials/")) hb.registerPartial(name.slice("_partials/".length, -".hbs".length), build(name));
  }
  const compiled = new Map<string, Render>();
  return (name, view) => {
    let template = compiled.get(name);
    if (!template) {
      template = build(name);
      compiled.set(name, template);
    }
    return template(view);
  };
}

let engine: ((name: string, view: object) => string) | null = null;

/** Render with these precompiled templates from now on (tests prove the build's output with it). */
export function useTemplates(precompiled: Precompiled): void {
  engine = createEngine(precompiled);
}

/**
 * Render templates/<name> with a plain view model. Unknown fields fail loudly (strict).
 * `verbatim` keeps blank lines as the template has them (source code of starter apps:
 * PEP 8 wants two blank lines between top-level definitions).
 */
export function renderTemplate(name: string, view: object, options: { verbatim?: boolean } = {}): string {
  engine ??= createEngine(loadPrecompiled());
  const text = engine(name, view);
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
