// CMP-READONLY-ROOTFS: `read_only: true`.
import { serviceRule } from "./service-rule.js";
import { interpolate } from "./values.js";

export const cmpReadonlyRootfs = serviceRule(
  {
    id: "CMP-READONLY-ROOTFS",
    severity: "high",
    title: "`read_only: true` (with tmpfs for writable paths)",
    why: "A read-only root filesystem stops an intruder from dropping tools or changing the app's code inside the container.",
    fix: "Add `read_only: true` and `tmpfs: [\"/tmp:rw,noexec,nosuid,size=64m\"]` for paths the app writes.",
    refs: { cis: "5.13", trivy: "KSV-0014 (k8s analog)", owasp: "#8" },
  },
  (svc, dir) => {
    const ro = svc.data.read_only;
    if (ro === true) return [];
    if (ro === undefined) return [{ line: svc.line, message: `service ${svc.name} has a writable root filesystem` }];
    // The rulebook insists on the boolean: old schemas accepted "yes"-style strings with other meanings.
    const { value, unknown } = typeof ro === "string" ? interpolate(ro, dir) : { value: String(ro), unknown: false };
    if (unknown) return [];
    const message = value === "true" && typeof ro === "string" && ro.includes("$") ? "" : `service ${svc.name}: read_only: ${JSON.stringify(ro)} is not the boolean true`;
    return message ? [{ line: svc.lineOf("read_only"), message }] : [];
  },
  { absence: true },
);
