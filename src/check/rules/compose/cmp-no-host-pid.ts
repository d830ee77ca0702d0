// CMP-NO-HOST-PID: no `pid: host`.
import { forbiddenValueRule } from "./service-rule.js";

export const cmpNoHostPid = forbiddenValueRule(
  {
    id: "CMP-NO-HOST-PID",
    severity: "high",
    title: "No `pid: host`",
    why: "The container sees and can signal every process on the host.",
    fix: "Remove pid: host.",
    refs: { cis: "5.16", trivy: "KSV-0010 (k8s analog)" },
  },
  "pid",
  (v) => v.trim() === "host",
);
