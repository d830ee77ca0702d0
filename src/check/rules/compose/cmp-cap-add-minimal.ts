// CMP-CAP-ADD-MINIMAL: cap_add only from a short allow-list.
import { serviceRule } from "./service-rule.js";
import { asList } from "./values.js";

const ALLOWED = new Set(["NET_BIND_SERVICE", "CHOWN", "SETUID", "SETGID", "FOWNER", "DAC_OVERRIDE"]);

export const cmpCapAddMinimal = serviceRule(
  {
    id: "CMP-CAP-ADD-MINIMAL",
    severity: "high",
    title: "`cap_add` only NET_BIND_SERVICE (and CHOWN/SETUID/SETGID/FOWNER/DAC_OVERRIDE for database images)",
    why: "SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, NET_RAW or ALL give the container powers over the host kernel and network.",
    fix: "Remove the capability; redesign the step that needs it (e.g. listen on a high port instead of NET_BIND_SERVICE).",
    refs: { cis: "5.4", trivy: "KSV-0005, KSV-0022, KSV-0106, KSV-0119, KSV-0120 (k8s analog)", owasp: "#3" },
  },
  (svc) =>
    asList(svc.data.cap_add)
      .map((c, i) => ({ cap: String(c).toUpperCase().replace(/^CAP_/, ""), i }))
      .filter(({ cap }) => !ALLOWED.has(cap))
      .map(({ cap, i }) => ({ line: svc.lineOf("cap_add", i), message: `service ${svc.name} adds capability ${cap}` })),
);
