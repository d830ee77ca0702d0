// CMP-NO-HOST-UTS: no `uts: host`.
import { forbiddenValueRule } from "./service-rule.js";

export const cmpNoHostUts = forbiddenValueRule(
  {
    id: "CMP-NO-HOST-UTS",
    severity: "medium",
    title: "No `uts: host`",
    why: "The container can change the host's hostname.",
    fix: "Remove uts: host.",
    refs: { cis: "5.21" },
  },
  "uts",
  (v) => v.trim() === "host",
);
