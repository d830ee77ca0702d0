// CMP-LSM-NOT-DISABLED: no `apparmor:unconfined`, no `label:disable`.
import { serviceRule } from "./service-rule.js";
import { securityOpts } from "./values.js";

export const cmpLsmNotDisabled = serviceRule(
  {
    id: "CMP-LSM-NOT-DISABLED",
    severity: "high",
    title: "AppArmor/SELinux confinement is not disabled",
    why: "The LSM profile is a second wall around the container; turning it off removes protection against a kernel or runtime escape.",
    fix: "Remove `apparmor:unconfined` / `label:disable`.",
    refs: { cis: "5.2, 5.3", trivy: "KSV-0002, KSV-0025 (k8s analog)", owasp: "#6" },
  },
  (svc) =>
    securityOpts(svc)
      .filter((o) => /^(apparmor:unconfined|label:disable)$/i.test(o.value))
      .map((o) => ({ line: svc.lineOf("security_opt", o.index), message: `service ${svc.name}: ${o.value} disables its security module profile` })),
);
