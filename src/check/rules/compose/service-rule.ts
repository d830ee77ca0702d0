// Compose rules that test one key per service are built from this.
import type { ServiceView } from "../../parse/compose.js";
import { defineRule, type DirFiles } from "../../rule.js";
import type { Hit, RuleMeta } from "../../types.js";

export function serviceRule(meta: Omit<RuleMeta, "target">, check: (svc: ServiceView, dir: DirFiles) => Hit[]) {
  return defineRule({
    ...meta,
    target: "compose",
    on: "compose",
    check(model, ctx) {
      return model.services.flatMap((svc) => check(svc, ctx.dir));
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
