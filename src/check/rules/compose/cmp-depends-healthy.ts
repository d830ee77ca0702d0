// CMP-DEPENDS-HEALTHY: depends_on waits for `service_healthy` where the dependency has a healthcheck.
import { healthOf } from "./health.js";
import { serviceRule } from "./service-rule.js";

export const cmpDependsHealthy = serviceRule(
  {
    id: "CMP-DEPENDS-HEALTHY",
    severity: "low",
    title: "`depends_on` uses `condition: service_healthy` for dependencies with a healthcheck",
    why: "Plain depends_on only waits for the container to start, so the app races its database at startup.",
    fix: "Write `depends_on: {db: {condition: service_healthy}}`.",
    refs: {},
  },
  (svc, dir) => {
    const deps = svc.data.depends_on;
    const entries: [string, unknown][] = Array.isArray(deps) ? deps.map((d) => [String(d), undefined]) : deps && typeof deps === "object" ? Object.entries(deps) : [];
    const services = dir.composes.flatMap((c) => c.services);
    const hits = [];
    for (const [name, spec] of entries) {
      const target = services.find((s) => s.name === name);
      const health = target ? healthOf(target, dir) : "none";
      if (health === "none" || health === "disabled") continue;
      const condition = spec && typeof spec === "object" ? (spec as Record<string, unknown>).condition : undefined;
      if (condition !== "service_healthy") {
        const key = Array.isArray(deps) ? deps.indexOf(name) : name;
        hits.push({ line: svc.lineOf("depends_on", key), message: `service ${svc.name} does not wait for ${name} to be healthy` });
      }
    }
    return hits;
  },
);
