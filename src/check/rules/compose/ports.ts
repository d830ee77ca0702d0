// Published ports in short (`127.0.0.1:8080:8000/tcp`) and long syntax, interpolated.
import type { ServiceView } from "../../parse/compose.js";
import type { DirFiles } from "../../rule.js";
import { asList, interpolate } from "./values.js";

export interface PortSpec {
  line: number;
  raw: string;
  ip: string | undefined;
  host: string | undefined;
  container: string;
  protocol: string;
  unknown: boolean;
}

export function portsOf(svc: ServiceView, dir: DirFiles): PortSpec[] {
  return asList(svc.data.ports).map((entry, i) => {
    const line = svc.lineOf("ports", i);
    if (entry && typeof entry === "object") {
      const o = entry as Record<string, unknown>;
      const ip = o.host_ip === undefined ? undefined : interpolate(o.host_ip, dir);
      const host = o.published === undefined ? undefined : interpolate(o.published, dir);
      return {
        line,
        raw: JSON.stringify(o),
        ip: ip?.value || undefined,
        host: host?.value || undefined,
        container: String(o.target ?? ""),
        protocol: String(o.protocol ?? "tcp"),
        unknown: Boolean(ip?.unknown || host?.unknown),
      };
    }
    const { value, unknown } = interpolate(entry, dir);
    return { line, raw: String(entry), unknown, ...parseShort(value) };
  });
}

function parseShort(text: string): { ip: string | undefined; host: string | undefined; container: string; protocol: string } {
  let rest = text.trim();
  let protocol = "tcp";
  const slash = rest.lastIndexOf("/");
  if (slash >= 0) {
    protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  let ip: string | undefined;
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  if (v6) {
    ip = v6[1];
    rest = v6[2] ?? "";
  }
  const parts = rest.split(":");
  const container = parts.pop() ?? "";
  const host = parts.length ? parts.pop() : undefined;
  if (parts.length) ip = parts.join(":");
  return { ip: ip || undefined, host: host || undefined, container, protocol };
}
