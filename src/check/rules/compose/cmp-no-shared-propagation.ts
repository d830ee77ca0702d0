// CMP-NO-SHARED-PROPAGATION: no shared/rshared mount propagation.
import { serviceRule } from "./service-rule.js";
import { volumesOf } from "./volumes.js";

export const cmpNoSharedPropagation = serviceRule(
  {
    id: "CMP-NO-SHARED-PROPAGATION",
    severity: "medium",
    title: "Bind mounts do not use shared/rshared propagation",
    why: "With shared propagation, mounts made inside the container appear on the host (and the other way round).",
    fix: "Drop the propagation option (the default is rprivate).",
    refs: { cis: "5.20" },
  },
  (svc, dir) =>
    volumesOf(svc, dir)
      .filter((v) => v.propagation === "shared" || v.propagation === "rshared")
      .map((v) => ({ line: v.line, message: `service ${svc.name}: ${v.propagation} propagation on ${v.target}` })),
);
