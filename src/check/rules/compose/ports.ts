// Published ports in short (`127.0.0.1:8080:8000/tcp`) and long syntax, interpolated.
// A part that depends on a variable with no default (and no env.example value) is unknown.
import type { ServiceView } from "../../parse/compose.js";
import type { DirFiles } from "../../rule.js";
import { asList, interpolateMarked, UNKNOWN_MARK } from "./values.js";

export interface PortSpec {
  line: number;
  raw: string;
  ip: string | undefined;
  host: string | undefined;
  container: string;
  protocol: string;
  ipUnknown: boolean;
  hostUnknown: boolean;
}

export function portsOf(svc: ServiceView, dir: DirFiles): PortSpec[] {
  return asList(svc.data.ports).map((entry, i) => {
    const line = svc.lineOf("ports", i);
    if (entry && typeof entry === "object") {
      const o = entry as Record<string, unknown>;
      const ip = o.host_ip === undefined ? undefined : interpolateMarked(o.host_ip, dir);
      const host = o.published === undefined ? undefined : interpolateMarked(o.published, dir);
      return finish({ line, raw: `${o.host_ip === undefined ? "" : `${String(o.host_ip)}:`}${String(o.published ?? "")}:${String(o.target ?? "")}`, ip: ip || undefined, host: host || undefined, container: String(o.target ?? ""), protocol: String(o.protocol ?? "tcp") });
    }
    return finish({ line, raw: String(entry), ...parseShort(interpolateMarked(entry, dir)) });
  });
}

function finish(p: Omit<PortSpec, "ipUnknown" | "hostUnknown">): PortSpec {
  const ipUnknown = p.ip?.includes(UNKNOWN_MARK) ?? false;
  const hostUnknown = p.host?.includes(UNKNOWN_MARK) ?? false;
  return { ...p, ipUnknown, hostUnknown };
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
