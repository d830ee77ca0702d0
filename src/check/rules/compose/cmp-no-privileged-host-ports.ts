// CMP-NO-PRIVILEGED-HOST-PORTS: host ports are 1024 or above.
import { portsOf } from "./ports.js";
import { serviceRule } from "./service-rule.js";

export const cmpNoPrivilegedHostPorts = serviceRule(
  {
    id: "CMP-NO-PRIVILEGED-HOST-PORTS",
    severity: "medium",
    title: "Host ports are 1024 or above",
    why: "Low host ports are the ones other system services and scanners expect; publishing there clashes with them and needs privileges on rootless engines.",
    fix: "Publish on a high host port (`127.0.0.1:8080:8000`), and terminate :80/:443 in a reverse proxy.",
    refs: { cis: "5.8", trivy: "KSV-0024, KSV-0117 (k8s analog)" },
  },
  (svc, dir) =>
    portsOf(svc, dir)
      .filter((p) => !p.hostUnknown && p.host !== undefined && Number(p.host.split("-")[0]) < 1024)
      .map((p) => ({ line: p.line, message: `service ${svc.name}: host port ${p.host} is below 1024` })),
);
