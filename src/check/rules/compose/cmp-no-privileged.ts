// CMP-NO-PRIVILEGED: no `privileged: true`.
import { serviceRule } from "./service-rule.js";
import { isTrue } from "./values.js";

export const cmpNoPrivileged = serviceRule(
  {
    id: "CMP-NO-PRIVILEGED",
    severity: "critical",
    title: "No `privileged: true`",
    why: "A privileged container has every capability and every host device: it is root on the host in all but name.",
    fix: "Remove `privileged`; add only the capability or device the service really needs.",
    refs: { cis: "5.5", trivy: "KSV-0017 (k8s analog)", owasp: "#3" },
  },
  (svc, dir) => (isTrue(svc.data.privileged, dir) ? [{ line: svc.lineOf("privileged"), message: `service ${svc.name} runs privileged` }] : []),
);
