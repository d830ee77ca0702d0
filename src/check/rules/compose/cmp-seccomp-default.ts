// CMP-SECCOMP-DEFAULT: no `seccomp:unconfined`.
import { serviceRule } from "./service-rule.js";
import { securityOpts } from "./values.js";

export const cmpSeccompDefault = serviceRule(
  {
    id: "CMP-SECCOMP-DEFAULT",
    severity: "high",
    title: "seccomp is not disabled (`seccomp:unconfined`)",
    why: "The default seccomp profile blocks about 50 dangerous syscalls; unconfined hands the whole kernel API to the container.",
    fix: "Remove `seccomp:unconfined`; if a syscall is really needed, ship a custom profile that allows just it.",
    refs: { cis: "5.22", trivy: "KSV-0104, KSV-0030 (k8s analog)", owasp: "#6" },
  },
  (svc) =>
    securityOpts(svc)
      .filter((o) => /^seccomp:unconfined$/i.test(o.value))
      .map((o) => ({ line: svc.lineOf("security_opt", o.index), message: `service ${svc.name} disables seccomp` })),
);
