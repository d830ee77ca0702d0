// CMP-CUSTOM-NETWORK: no service on Docker's default bridge (`network_mode: bridge`).
// Compose already puts services on a per-project user-defined network, which satisfies
// CIS 5.30's intent, so only an explicit return to the default bridge is flagged.
import { forbiddenValueRule } from "./service-rule.js";

export const cmpCustomNetwork = forbiddenValueRule(
  {
    id: "CMP-CUSTOM-NETWORK",
    severity: "low",
    title: "Services use a user-defined network, not Docker's default bridge",
    why: "On the default bridge every container of the host can reach every other one, and there is no DNS between them; Compose's project network (or your own, `internal: true` for databases) isolates the project.",
    fix: "Remove `network_mode: bridge`; declare `networks:` (use `internal: true` for back-end only networks).",
    refs: { cis: "5.30", owasp: "#5" },
  },
  "network_mode",
  (v) => v.trim() === "bridge" || v.trim() === "default",
);
