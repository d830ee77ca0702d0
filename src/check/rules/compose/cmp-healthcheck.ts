// CMP-HEALTHCHECK: the service has a healthcheck (its own or its image's), not disabled.
import { healthOf } from "./health.js";
import { serviceRule } from "./service-rule.js";

export const cmpHealthcheck = serviceRule(
  {
    id: "CMP-HEALTHCHECK",
    severity: "medium",
    title: "Each service has a healthcheck (`healthcheck.test`, or a HEALTHCHECK in the image it builds)",
    why: "Without a probe Compose cannot tell a hung service from a healthy one, and `depends_on: service_healthy` cannot wait for it.",
    fix: "Add `healthcheck: {test: [\"CMD\", ...], interval: 30s, timeout: 5s, retries: 3}`.",
    refs: { cis: "5.27" },
  },
  (svc, dir) => {
    const h = healthOf(svc, dir);
    if (h === "disabled") return [{ line: svc.lineOf("healthcheck"), message: `service ${svc.name} disables its healthcheck` }];
    if (h === "none") return [{ line: svc.line, message: `service ${svc.name} has no healthcheck` }];
    return [];
  },
  { absence: true },
);
