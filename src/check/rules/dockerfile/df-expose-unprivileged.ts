// DF-EXPOSE-UNPRIVILEGED: the app listens on a port >= 1024.
import { defineRule } from "../../rule.js";
import { exposeEntries, lowPort } from "./expose.js";

export const dfExposeUnprivileged = defineRule({
  id: "DF-EXPOSE-UNPRIVILEGED",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "EXPOSEd ports are 1024 or above",
  why: "A non-root process cannot bind below 1024 without NET_BIND_SERVICE, so a low port pushes the image back towards root or extra capabilities.",
  fix: "Listen on a high port (8000, 8080) and map it on the host: `-p 127.0.0.1:80:8080`.",
  refs: { trivy: "KSV-0117 (k8s analog)", cis: "5.8" },
  check(model) {
    return exposeEntries(model)
      .filter((e) => e.value !== undefined && (lowPort(e.value) ?? 1024) < 1024 && lowPort(e.value) !== 22)
      .map((e) => ({ line: e.instr.line, message: `EXPOSE ${e.raw} is a privileged port (below 1024)` }));
  },
});
