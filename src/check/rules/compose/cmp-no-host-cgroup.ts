// CMP-NO-HOST-CGROUP: no `cgroup: host`, no `cgroup_parent`.
import { serviceRule } from "./service-rule.js";

export const cmpNoHostCgroup = serviceRule(
  {
    id: "CMP-NO-HOST-CGROUP",
    severity: "medium",
    title: "No `cgroup: host` and no `cgroup_parent`",
    why: "The host cgroup namespace (or a hand-picked parent cgroup) escapes the resource limits and accounting Docker sets up.",
    fix: "Remove `cgroup: host` and `cgroup_parent`.",
    refs: { cis: "5.25" },
  },
  (svc) => {
    const hits = [];
    if (String(svc.data.cgroup ?? "").trim() === "host") hits.push({ line: svc.lineOf("cgroup"), message: `service ${svc.name} uses the host cgroup namespace` });
    if (svc.data.cgroup_parent !== undefined) hits.push({ line: svc.lineOf("cgroup_parent"), message: `service ${svc.name} sets cgroup_parent` });
    return hits;
  },
);
