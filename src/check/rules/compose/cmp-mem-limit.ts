// CMP-MEM-LIMIT: a memory limit (`mem_limit` or `deploy.resources.limits.memory`).
import { serviceRule } from "./service-rule.js";
import { deployLimit } from "./values.js";

export const cmpMemLimit = serviceRule(
  {
    id: "CMP-MEM-LIMIT",
    severity: "medium",
    title: "A memory limit is set",
    why: "Without a limit one leaking or attacked container can take all host memory and get other services OOM-killed.",
    fix: "Add `mem_limit: 512m` (or `deploy.resources.limits.memory`).",
    refs: { cis: "5.11", trivy: "KSV-0018 (k8s analog)", owasp: "#7" },
  },
  (svc) => (svc.data.mem_limit !== undefined || deployLimit(svc, "memory") !== undefined ? [] : [{ line: svc.line, message: `service ${svc.name} has no memory limit` }]),
  { absence: true },
);
