// DF-APT-GET-NOT-APT: scripts use apt-get/apt-cache, not apt.
import { defineRule } from "../../rule.js";

export const dfAptGetNotApt = defineRule({
  id: "DF-APT-GET-NOT-APT",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "Use `apt-get`, not `apt`",
  why: "`apt` is the interactive front end: its output and options are not stable for scripts and it warns so on every run.",
  fix: "Replace `apt` with `apt-get` (or `apt-cache` for queries).",
  refs: { hadolint: "DL3027", checkov: "CKV_DOCKER_9" },
  check(model) {
    return model.runs
      .filter((r) => r.shell.commands.some((c) => c.name === "apt"))
      .map((r) => ({ line: r.instr.line, message: "RUN uses apt instead of apt-get" }));
  },
});
