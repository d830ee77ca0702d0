// CMP-READONLY-ROOTFS: `read_only: true`.
import { serviceRule } from "./service-rule.js";
import { isTrue } from "./values.js";

export const cmpReadonlyRootfs = serviceRule(
  {
    id: "CMP-READONLY-ROOTFS",
    severity: "high",
    title: "`read_only: true` (with tmpfs for writable paths)",
    why: "A read-only root filesystem stops an intruder from dropping tools or changing the app's code inside the container.",
    fix: "Add `read_only: true` and `tmpfs: [\"/tmp:rw,noexec,nosuid,size=64m\"]` for paths the app writes.",
    refs: { cis: "5.13", trivy: "KSV-0014 (k8s analog)", owasp: "#8" },
  },
  (svc, dir) => (isTrue(svc.data.read_only, dir) ? [] : [{ line: svc.data.read_only === undefined ? svc.line : svc.lineOf("read_only"), message: `service ${svc.name} has a writable root filesystem` }]),
);
