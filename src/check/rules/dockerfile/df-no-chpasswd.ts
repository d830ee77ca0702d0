// DF-NO-CHPASSWD: no password setting or removal in the image.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";

export const dfNoChpasswd = defineRule({
  id: "DF-NO-CHPASSWD",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "No passwords are set or removed in the image",
  why: "A password baked into a layer is readable by anyone who pulls the image; an empty password opens su/login to everyone.",
  fix: "Remove the password step; containers need no login passwords (use `USER` to pick the user).",
  refs: { dockle: "DKL-LI-0001", checkov: "CKV2_DOCKER_17" },
  check(model) {
    const hits: Hit[] = [];
    for (const run of model.runs) {
      for (const c of run.shell.commands) {
        if (c.name === "chpasswd") hits.push({ line: run.instr.line, message: "chpasswd sets a password in the image" });
        else if (c.name === "passwd" && c.args.some((a) => a === "-d" || a === "--delete")) hits.push({ line: run.instr.line, message: "passwd -d removes a password" });
        else if (c.name === "usermod" && c.args.some((a) => a === "-p" || a.startsWith("--password"))) hits.push({ line: run.instr.line, message: "usermod -p sets a password in the image" });
      }
    }
    return hits;
  },
});
