// CMP-NO-SENSITIVE-MOUNTS: no bind mount of /, /boot, /dev, /etc, /lib, /proc, /sys, /usr, /root, /var/run.
import { serviceRule } from "./service-rule.js";
import { volumesOf } from "./volumes.js";

const SENSITIVE = ["/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/sys", "/usr", "/root", "/var/run", "/run", "/bin", "/sbin", "/var/lib/docker"];

export const cmpNoSensitiveMounts = serviceRule(
  {
    id: "CMP-NO-SENSITIVE-MOUNTS",
    severity: "high",
    title: "No bind mounts of host system directories (/, /etc, /proc, /sys, /dev, /usr, /root, /var/run ...)",
    why: "A host system directory inside the container exposes (or lets it change) host configuration, credentials and kernel interfaces.",
    fix: "Mount only the application's own files or a named volume.",
    refs: { cis: "5.6", trivy: "KSV-0023 (k8s analog)", owasp: "#8" },
  },
  (svc, dir) =>
    volumesOf(svc, dir)
      .filter((v) => v.type === "bind" && v.source !== undefined)
      .filter((v) => {
        const s = (v.source as string).replace(/\/+$/, "") || "/";
        if (/\.sock$/.test(s)) return false; // CMP-NO-DOCKER-SOCKET
        return s === "/" || SENSITIVE.some((p) => s === p || s.startsWith(p + "/"));
      })
      .map((v) => ({ line: v.line, message: `service ${svc.name} bind-mounts host path ${v.source}` })),
);
