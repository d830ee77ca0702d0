// CMP-ONLY-NEEDED-PORTS: no port ranges and no host port published twice.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { portsOf } from "./ports.js";

export const cmpOnlyNeededPorts = defineRule({
  id: "CMP-ONLY-NEEDED-PORTS",
  severity: "low",
  target: "compose",
  on: "compose",
  title: "Only the needed ports: no port ranges, no host port published twice",
  why: "Every published port is attack surface; ranges publish ports nobody uses, and duplicates fail at start-up.",
  fix: "Publish just the app port, once.",
  refs: { cis: "5.9", dclint: "no-duplicate-exported-ports" },
  check(model, ctx) {
    const hits: Hit[] = [];
    const seen = new Map<string, string>();
    for (const svc of model.services) {
      for (const p of portsOf(svc, ctx.dir)) {
        if (p.ipUnknown || p.hostUnknown) continue;
        if ((p.host ?? "").includes("-") || p.container.includes("-")) hits.push({ line: p.line, message: `service ${svc.name} publishes a port range ${p.raw}` });
        if (p.host === undefined) continue;
        const key = `${p.ip ?? "*"}:${p.host}/${p.protocol}`;
        const other = seen.get(key);
        if (other) hits.push({ line: p.line, message: `host port ${p.host} is already published by ${other}` });
        else seen.set(key, `service ${svc.name}`);
      }
    }
    return hits;
  },
});
