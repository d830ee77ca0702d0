// DF-WORKDIR-NOT-SYSDIR: WORKDIR is not under /proc, /boot, /dev, /initrd or /lost+found.
import { defineRule } from "../../rule.js";

const SYSTEM = ["/proc", "/boot", "/dev", "/initrd", "/lost+found"];

export const dfWorkdirNotSysdir = defineRule({
  id: "DF-WORKDIR-NOT-SYSDIR",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "WORKDIR is not a system directory",
  why: "These paths are kernel or boot interfaces; writing the app there breaks the container or exposes host state.",
  fix: "Use an application directory such as `WORKDIR /app`.",
  refs: { trivy: "DS-0030" },
  check(model) {
    return model.instructions
      .filter((i) => i.keyword === "WORKDIR")
      .filter((i) => {
        const p = i.content.trim().replace(/^["']|["']$/g, "");
        return SYSTEM.some((s) => p === s || p.startsWith(s + "/"));
      })
      .map((i) => ({ line: i.line, message: `WORKDIR ${i.content.trim()} is a system directory` }));
  },
});
