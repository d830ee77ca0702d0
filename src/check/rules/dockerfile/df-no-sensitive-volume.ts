// DF-NO-SENSITIVE-VOLUME: no VOLUME over system directories.
import { execFormWords } from "../../parse/dockerfile.js";
import { defineRule } from "../../rule.js";

const EXACT = new Set(["/", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/sys", "/usr", "/bin", "/sbin", "/root", "/var/run"]);
const UNDER = ["/proc/", "/sys/", "/dev/", "/boot/"];

export const dfNoSensitiveVolume = defineRule({
  id: "DF-NO-SENSITIVE-VOLUME",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "No VOLUME over /boot, /dev, /etc, /lib, /proc, /sys or /usr",
  why: "A volume there shadows system files with whatever the runtime mounts, or exposes them to other containers sharing it.",
  fix: "Declare volumes only for application data, e.g. `VOLUME /data`.",
  refs: { dockle: "DKL-DI-0002", cis: "5.6" },
  check(model) {
    const hits = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== "VOLUME") continue;
      const paths = execFormWords(instr) ?? instr.words;
      for (const p of paths) {
        const clean = p.length > 1 ? p.replace(/\/+$/, "") : p;
        if (EXACT.has(clean) || UNDER.some((u) => clean.startsWith(u))) hits.push({ line: instr.line, message: `VOLUME ${clean} covers a system directory` });
      }
    }
    return hits;
  },
});
