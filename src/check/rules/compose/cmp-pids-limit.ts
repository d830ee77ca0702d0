// CMP-PIDS-LIMIT: `pids_limit` > 0.
import { serviceRule } from "./service-rule.js";
import { deployLimit, interpolate } from "./values.js";

export const cmpPidsLimit = serviceRule(
  {
    id: "CMP-PIDS-LIMIT",
    severity: "medium",
    title: "`pids_limit` is set and positive",
    why: "A fork bomb, or a leak of threads, in one container exhausts the host's process table.",
    fix: "Add `pids_limit: 256`.",
    refs: { cis: "5.29", owasp: "#7" },
  },
  (svc, dir) => {
    const raw = svc.data.pids_limit ?? deployLimit(svc, "pids");
    if (raw === undefined || raw === null) return [{ line: svc.line, message: `service ${svc.name} has no pids_limit` }];
    const { value, unknown } = interpolate(raw, dir);
    if (unknown) return [];
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? [] : [{ line: svc.lineOf(svc.data.pids_limit !== undefined ? "pids_limit" : "deploy"), message: `service ${svc.name}: pids_limit ${value} is unlimited` }];
  },
  { absence: true },
);
