// CMP-ULIMITS (opt-in): ulimits set deliberately.
import { serviceRule } from "./service-rule.js";

export const cmpUlimits = serviceRule(
  {
    id: "CMP-ULIMITS",
    severity: "info",
    optIn: true,
    title: "`ulimits` (nofile, nproc) set deliberately",
    why: "CIS 5.19 is a manual check: the daemon defaults are usually right, so this is off unless enabled.",
    fix: "Add `ulimits: {nofile: {soft: 65536, hard: 65536}}` if the service needs other limits.",
    refs: { cis: "5.19", owasp: "#7" },
  },
  (svc) => (svc.data.ulimits !== undefined ? [] : [{ line: svc.line, message: `service ${svc.name} sets no ulimits` }]),
  { absence: true },
);
