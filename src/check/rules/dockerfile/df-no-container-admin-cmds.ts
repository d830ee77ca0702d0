// DF-NO-CONTAINER-ADMIN-CMDS: no ssh/vim/shutdown/service/ps/free/top/kill/mount/ifconfig in RUN.
import { defineRule } from "../../rule.js";

const POINTLESS = new Set(["ssh", "vim", "shutdown", "service", "ps", "free", "top", "kill", "mount", "ifconfig"]);

export const dfNoContainerAdminCmds = defineRule({
  id: "DF-NO-CONTAINER-ADMIN-CMDS",
  severity: "info",
  target: "dockerfile",
  on: "dockerfile",
  title: "No interactive or host-admin commands in RUN (ssh, vim, service, ps, kill, mount...)",
  why: "They make no sense in a build step (no init, no terminal, no running services) and usually mean the Dockerfile treats the container like a VM.",
  fix: "Remove the command; configure services through files and start the app with CMD.",
  refs: { hadolint: "DL3001" },
  check(model) {
    const hits = [];
    for (const run of model.runs) {
      const found = run.shell.commands.map((c) => c.name).filter((n) => POINTLESS.has(n));
      if (found.length) hits.push({ line: run.instr.line, message: `RUN runs ${[...new Set(found)].join(", ")}` });
    }
    return hits;
  },
});
