// CMP-LOGGING-BOUNDED: json-file logs rotate (max-size, max-file).
import { serviceRule } from "./service-rule.js";

export const cmpLoggingBounded = serviceRule(
  {
    id: "CMP-LOGGING-BOUNDED",
    severity: "low",
    title: "Logs are bounded: json-file with `max-size` and `max-file`",
    why: "The default json-file driver never rotates: a chatty or attacked service fills the host disk.",
    fix: "Add `logging: {driver: json-file, options: {max-size: \"10m\", max-file: \"3\"}}`.",
    refs: { cis: "2.13 (daemon)", owasp: "#7" },
  },
  (svc) => {
    const logging = svc.data.logging as Record<string, unknown> | undefined;
    const driver = String(logging?.driver ?? "json-file");
    if (driver !== "json-file") return [];
    const opts = (logging?.options ?? {}) as Record<string, unknown>;
    return opts["max-size"] !== undefined && opts["max-file"] !== undefined
      ? []
      : [{ line: logging ? svc.lineOf("logging") : svc.line, message: `service ${svc.name}: json-file logs without max-size and max-file` }];
  },
  { absence: true },
);
