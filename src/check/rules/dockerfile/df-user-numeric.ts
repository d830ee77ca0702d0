// DF-USER-NUMERIC: the final USER is a numeric UID >= 10000 (with a numeric GID).
import { defineRule } from "../../rule.js";
import { finalUser, isRootUser } from "./user.js";

export const dfUserNumeric = defineRule({
  id: "DF-USER-NUMERIC",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "USER is a numeric UID:GID of 10000 or more",
  why: "Kubernetes' runAsNonRoot can only verify a numeric user, and a high UID does not collide with a real user on the host if the container escapes.",
  fix: "Use `USER 10001:10001` (distroless: `USER 65532:65532`).",
  refs: { trivy: "KSV-0020/KSV-0021/KSV-0105 (k8s analog)", dockle: "DKL-LI-0002", owasp: "#2" },
  check(model) {
    const u = finalUser(model);
    if (!u?.instr || u.value === undefined || isRootUser(u.user)) return [];
    const uid = /^\d+$/.test(u.user ?? "") ? Number(u.user) : undefined;
    if (uid === undefined) return [{ line: u.instr.line, message: `USER ${u.value} is a name: use a numeric UID:GID` }];
    if (uid < 10000) return [{ line: u.instr.line, message: `USER ${u.value}: UID ${uid} is below 10000 and may collide with a host user` }];
    if (u.group !== undefined && !/^\d+$/.test(u.group)) return [{ line: u.instr.line, message: `USER ${u.value}: the group is a name: use a numeric GID` }];
    return [];
  },
});
