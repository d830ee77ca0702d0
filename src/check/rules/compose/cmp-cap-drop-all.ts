// CMP-CAP-DROP-ALL: `cap_drop: [ALL]`.
import { serviceRule } from "./service-rule.js";
import { asList } from "./values.js";

export const cmpCapDropAll = serviceRule(
  {
    id: "CMP-CAP-DROP-ALL",
    severity: "high",
    title: "`cap_drop: [ALL]`",
    why: "Docker's default capability set (CHOWN, NET_RAW, SETUID...) is more than an app needs; dropping all and adding back is least privilege.",
    fix: "Add `cap_drop: [ALL]` and `cap_add` only what is needed (often nothing).",
    refs: { cis: "5.4", trivy: "KSV-0003, KSV-0004 (k8s analog)", owasp: "#3" },
  },
  (svc) => {
    const drops = asList(svc.data.cap_drop).map((c) => String(c).toUpperCase().replace(/^CAP_/, ""));
    return drops.includes("ALL") ? [] : [{ line: svc.data.cap_drop === undefined ? svc.line : svc.lineOf("cap_drop"), message: `service ${svc.name} does not drop all capabilities` }];
  },
  { absence: true },
);
