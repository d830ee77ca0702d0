// CMP-NO-HOST-NETWORK: no `network_mode: host`.
import { forbiddenValueRule } from "./service-rule.js";

export const cmpNoHostNetwork = forbiddenValueRule(
  {
    id: "CMP-NO-HOST-NETWORK",
    severity: "critical",
    title: "No `network_mode: host`",
    why: "The container shares the host's network stack: it sees every host interface, can bind any host port and reaches services that trust localhost.",
    fix: "Remove `network_mode: host`; publish the port with `ports:` instead.",
    refs: { cis: "5.10", trivy: "KSV-0009 (k8s analog)" },
  },
  "network_mode",
  (v) => v.trim() === "host",
);
