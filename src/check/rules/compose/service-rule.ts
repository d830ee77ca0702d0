// Compose rules that test one key per service are built from this.
import type { ComposeModel, ServiceView } from "../../parse/compose.js";
import { defineRule, type DirFiles } from "../../rule.js";
import type { Hit, RuleMeta } from "../../types.js";

const PRIMARY = /^(docker-)?compose\.ya?ml$/;

/**
 * A service in an override file (docker-compose.override.yml, compose.prod.yaml ...) that the
 * primary compose file of the same directory also defines: Compose merges the two, so a key
 * missing here may well be set there.
 */
export function isPartialService(svc: ServiceView, model: ComposeModel, dir: DirFiles): boolean {
  if (PRIMARY.test(model.file.base)) return false;
  return dir.composes.some((c) => c !== model && PRIMARY.test(c.file.base) && c.services.some((s) => s.name === svc.name));
}

export interface ServiceRuleOptions {
  /** The rule reports a missing key: skip services that an override file only amends. */
  absence?: boolean;
}

export function serviceRule(meta: Omit<RuleMeta, "target">, check: (svc: ServiceView, dir: DirFiles) => Hit[], options: ServiceRuleOptions = {}) {
  return defineRule({
    ...meta,
    target: "compose",
    on: "compose",
    check(model, ctx) {
      return model.services.filter((svc) => !options.absence || !isPartialService(svc, model, ctx.dir)).flatMap((svc) => check(svc, ctx.dir));
    },
  });
}
/** A rule that flags `key: value` (e.g. `network_mode: host`). */
export function forbiddenValueRule(meta: Omit<RuleMeta, "target">, key: string, bad: (value: string) => boolean) {
  return serviceRule(meta, (svc) => {
    const value = svc.data[key];
    if (value === undefined || value === null) return [];
    const text = String(value);
    return bad(text) ? [{ line: svc.lineOf(key), message: `service ${svc.name}: ${key}: ${text}` }] : [];
  });
}
