// ENV-COVERS-COMPOSE-VARS: every `${VAR}` compose needs is listed in env.example, and
// env.example lists nothing compose cannot use (unless an env_file passes it all through).
import { expandVars } from "../../parse/expand.js";
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";

// Variables Compose itself reads.
const COMPOSE_OWN = /^(COMPOSE_|DOCKER_|BUILDKIT_)/;

export const envCoversComposeVars = defineRule({
  id: "ENV-COVERS-COMPOSE-VARS",
  severity: "medium",
  target: "env",
  on: "env",
  title: "env.example lists every variable compose requires, and no unused ones",
  why: "A required variable missing from env.example makes `compose up` fail (or run with an empty value) for the next person; unused keys mislead.",
  fix: "Add the variable to env.example with a placeholder value, or remove the unused key.",
  refs: {},
  check(model, ctx) {
    if (ctx.dir.composes.length === 0) return [];
    const hits: Hit[] = [];
    const referenced = new Set<string>();
    for (const compose of ctx.dir.composes) {
      for (const s of compose.strings) {
        const required: string[] = [];
        const all = expandVars(s.value, () => undefined, { dollarEscape: true });
        for (const name of all.names) referenced.add(name);
        // `${VAR:-default}` has a default: only variables without one are required.
        for (const name of all.missing) required.push(name);
        for (const name of new Set(required)) {
          if (!model.values.has(name) && !COMPOSE_OWN.test(name)) {
            hits.push({ file: compose.file.path, line: s.line, message: `\${${name}} is not listed in ${model.file.base}` });
          }
        }
      }
    }
    const passesAll = ctx.dir.composes.some((c) => c.services.some((svc) => svc.data.env_file !== undefined));
    if (!passesAll) {
      for (const e of model.entries) {
        if (!referenced.has(e.key) && !COMPOSE_OWN.test(e.key)) hits.push({ line: e.line, message: `${e.key} is not used by the compose file (and no service has an env_file)` });
      }
    }
    return hits;
  },
});
