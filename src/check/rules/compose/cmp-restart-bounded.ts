// CMP-RESTART-BOUNDED: `restart: on-failure:N` with N <= 5 (or a bounded deploy.restart_policy).
import { serviceRule } from "./service-rule.js";
import { interpolate } from "./values.js";

export const cmpRestartBounded = serviceRule(
  {
    id: "CMP-RESTART-BOUNDED",
    severity: "medium",
    title: "Restarts are bounded: `restart: on-failure:5` (or no restart policy)",
    why: "An endless restart loop hides a crashing or compromised service and can be used to grind the host. Ops practice often prefers `unless-stopped`: suppress this finding where that is the policy.",
    fix: "Use `restart: on-failure:5` (or `deploy.restart_policy: {condition: on-failure, max_attempts: 5}`).",
    refs: { cis: "5.15", owasp: "#7" },
  },
  (svc, dir) => {
    const hits = [];
    if (svc.data.restart !== undefined) {
      const { value, unknown } = interpolate(svc.data.restart, dir);
      const m = /^on-failure(?::(\d+))?$/.exec(value.trim());
      const bounded = value.trim() === "no" || (m !== null && m[1] !== undefined && Number(m[1]) <= 5);
      if (!unknown && !bounded) hits.push({ line: svc.lineOf("restart"), message: `service ${svc.name}: restart ${value} is unbounded` });
    }
    const policy = (svc.data.deploy as Record<string, unknown> | undefined)?.restart_policy as Record<string, unknown> | undefined;
    if (policy && String(policy.condition ?? "any") !== "none") {
      const max = Number(policy.max_attempts);
      if (!Number.isFinite(max) || max > 5 || max <= 0) hits.push({ line: svc.lineOf("deploy", "restart_policy"), message: `service ${svc.name}: deploy.restart_policy has no max_attempts <= 5` });
    }
    return hits;
  },
);
