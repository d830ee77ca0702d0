// CMP-CPU-LIMIT: a CPU limit or weight.
import { serviceRule } from "./service-rule.js";
import { deployLimit } from "./values.js";

export const cmpCpuLimit = serviceRule(
  {
    id: "CMP-CPU-LIMIT",
    severity: "medium",
    title: "A CPU limit is set (`cpus`, `cpu_shares` or `deploy.resources.limits.cpus`)",
    why: "An unbounded container can starve every other process on the host.",
    fix: "Add `cpus: 1` (or `deploy.resources.limits.cpus`).",
    refs: { cis: "5.12", trivy: "KSV-0011 (k8s analog)", owasp: "#7" },
  },
  (svc) =>
    ["cpus", "cpu_shares", "cpu_quota"].some((k) => svc.data[k] !== undefined) || deployLimit(svc, "cpus") !== undefined
      ? []
      : [{ line: svc.line, message: `service ${svc.name} has no CPU limit` }],
  { absence: true },
);
