// CMP-NO-HOST-USERNS: no `userns_mode: host`.
import { forbiddenValueRule } from "./service-rule.js";

export const cmpNoHostUserns = forbiddenValueRule(
  {
    id: "CMP-NO-HOST-USERNS",
    severity: "high",
    title: "No `userns_mode: host`",
    why: "Turns off user-namespace remapping for this container, so its root is the host's root.",
    fix: "Remove userns_mode: host.",
    refs: { cis: "5.31" },
  },
  "userns_mode",
  (v) => v.trim() === "host",
);
