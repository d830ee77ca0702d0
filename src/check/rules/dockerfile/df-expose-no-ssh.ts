// DF-EXPOSE-NO-SSH: no EXPOSE 22 and no sshd installed.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { exposeEntries, lowPort } from "./expose.js";

const INSTALL = /^(apt-get|apt|apk|yum|dnf|microdnf|zypper)$/;

export const dfExposeNoSsh = defineRule({
  id: "DF-EXPOSE-NO-SSH",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "No SSH server: no EXPOSE 22, no openssh-server",
  why: "An sshd in a container is a second way in, with its own keys and passwords to manage; `docker exec` already gives operators a shell.",
  fix: "Remove sshd and EXPOSE 22; use `docker exec` / `kubectl exec` to get a shell.",
  refs: { hadolint: "DL3001 (ssh etc. in RUN)", trivy: "DS-0004", checkov: "CKV_DOCKER_1", cis: "5.7" },
  check(model) {
    const hits: Hit[] = [];
    for (const e of exposeEntries(model)) {
      if (e.value !== undefined && lowPort(e.value) === 22 && !/-/.test(e.value)) hits.push({ line: e.instr.line, message: "EXPOSE 22 publishes SSH" });
    }
    for (const run of model.runs) {
      for (const c of run.shell.commands) {
        if (INSTALL.test(c.name) && c.args.some((a) => /^(openssh-server|openssh|dropbear)([=<>~-]|$)/.test(a) && a !== "openssh-client")) {
          hits.push({ line: run.instr.line, message: "the image installs an SSH server" });
        }
      }
    }
    return hits;
  },
});
