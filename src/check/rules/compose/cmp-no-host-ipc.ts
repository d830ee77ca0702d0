// CMP-NO-HOST-IPC: no `ipc: host`.
import { forbiddenValueRule } from "./service-rule.js";

export const cmpNoHostIpc = forbiddenValueRule(
  {
    id: "CMP-NO-HOST-IPC",
    severity: "high",
    title: "No `ipc: host`",
    why: "Host shared memory and semaphores become readable and writable from the container.",
    fix: "Remove ipc: host.",
    refs: { cis: "5.17", trivy: "KSV-0008 (k8s analog)" },
  },
  "ipc",
  (v) => v.trim() === "host",
);
