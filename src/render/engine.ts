// One isolated Handlebars instance (HOUSE-STYLE habit 4): strict, no HTML escaping,
// partials from templates/_partials. Templates are read once and compiled lazily.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

export const TEMPLATE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "templates");

let engine: typeof Handlebars | null = null;
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function getEngine(): typeof Handlebars {
  if (engine) return engine;
  const hb = Handlebars.create();
  const partialDir = join(TEMPLATE_DIR, "_partials");
  for (const file of readdirSync(partialDir)) {
    if (file.endsWith(".hbs")) hb.registerPartial(file.slice(0, -4), readFileSync(join(partialDir, file), "utf8"));
  }
  engine = hb;
  return hb;
}

/**
 * Render templates/<name> with a plain view model. Unknown fields fail loudly (strict).
 * `verbatim` keeps blank lines as the template has them (source code of starter apps:
 * PEP 8 wants two blank lines between top-level definitions).
 */
export function renderTemplate(name: string, view: object, options: { verbatim?: boolean } = {}): string {
  let template = compiled.get(name);
  if (!template) {
    template = getEngine().compile(readTemplateFile(name), { strict: true, noEscape: true });
    compiled.set(name, template);
  }
  const text = template(view);
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
