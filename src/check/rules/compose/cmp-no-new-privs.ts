// CMP-NO-NEW-PRIVS: `security_opt: [no-new-privileges:true]`.
import { serviceRule } from "./service-rule.js";
import { securityOpts } from "./values.js";

export const cmpNoNewPrivs = serviceRule(
  {
    id: "CMP-NO-NEW-PRIVS",
    severity: "high",
    title: "`security_opt: [no-new-privileges:true]`",
    why: "Without it a setuid binary in the image can still raise a process back to root.",
    fix: "Add `security_opt: [\"no-new-privileges:true\"]`.",
    refs: { cis: "5.26", trivy: "KSV-0001 (k8s analog)", owasp: "#4" },
  },
  (svc) => {
    const ok = securityOpts(svc).some((o) => /^no-new-privileges(:true)?$/i.test(o.value));
    return ok ? [] : [{ line: svc.data.security_opt === undefined ? svc.line : svc.lineOf("security_opt"), message: `service ${svc.name} lacks no-new-privileges` }];
  },
  { absence: true },
);
