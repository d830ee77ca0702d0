// CMP-PORTS-BIND-IFACE: published ports bind to a host address (127.0.0.1 by default).
import { portsOf } from "./ports.js";
import { serviceRule } from "./service-rule.js";

export const cmpPortsBindIface = serviceRule(
  {
    id: "CMP-PORTS-BIND-IFACE",
    severity: "high",
    title: "Published ports bind to a host address (127.0.0.1), not 0.0.0.0",
    why: "A port without an address is published on every interface, and Docker's iptables rules bypass the host firewall (ufw): the service is on the internet.",
    fix: "Prefix the host address: `ports: ['127.0.0.1:8000:8000']` (or `host_ip: 127.0.0.1`).",
    refs: { cis: "5.14", owasp: "#5a", dclint: "no-unbound-port-interfaces" },
  },
  (svc, dir) =>
    portsOf(svc, dir)
      .filter((p) => !p.ipUnknown && (p.ip === undefined || p.ip === "0.0.0.0" || p.ip === "::"))
      .map((p) => ({ line: p.line, message: `service ${svc.name}: port ${p.raw} is published on ${p.ip ?? "all interfaces"}` })),
);
