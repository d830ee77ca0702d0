// DF-USER-NONROOT: the final stage sets USER and the last one is not root.
import { defineRule } from "../../rule.js";
import { finalStage, rootRef } from "./stages.js";
import { finalUser, isRootUser } from "./user.js";

export const dfUserNonroot = defineRule({
  id: "DF-USER-NONROOT",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "The final stage runs as a non-root USER",
  why: "A process running as root in the container is root on the host's kernel interface: one escape or writable mount away from the host.",
  fix: "End the final stage with a numeric non-root user: `USER 10001:10001` (65532:65532 on distroless).",
  refs: { hadolint: "DL3002 (only an explicit root USER)", trivy: "DS-0002", dockle: "CIS-DI-0001", checkov: "CKV_DOCKER_3, CKV_DOCKER_8", cis: "4.1", owasp: "#2" },
  check(model) {
    const stage = finalStage(model);
    const u = finalUser(model);
    if (!stage || !u) return [];
    if (!u.instr) {
      // distroless/:nonroot images already default to uid 65532.
      const tag = rootRef(stage)?.tag ?? "";
      if (/nonroot/.test(tag)) return [];
      return [{ line: stage.from.line, message: "the final stage has no USER, so the container runs as root" }];
    }
    if (isRootUser(u.user)) return [{ line: u.instr.line, message: `the last USER is ${u.value}: the container runs as root` }];
    return [];
  },
});
