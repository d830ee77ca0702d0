// DF-NO-SUDO: no sudo in RUN.
import { defineRule } from "../../rule.js";

export const dfNoSudo = defineRule({
  id: "DF-NO-SUDO",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "No `sudo` in RUN",
  why: "Build steps already run as the USER in force; sudo in the image means a privilege-escalation path is installed and configured at runtime too.",
  fix: "Switch with `USER root` for the step and back to the app user after it (or use gosu/su-exec in an entrypoint).",
  refs: { hadolint: "DL3004", trivy: "DS-0010", dockle: "DKL-DI-0001", checkov: "CKV2_DOCKER_1" },
  check(model) {
    return model.runs
      .filter((r) => r.shell.commands.some((c) => c.name === "sudo" || c.wrappers.includes("sudo")))
      .map((r) => ({ line: r.instr.line, message: "RUN uses sudo" }));
  },
});
