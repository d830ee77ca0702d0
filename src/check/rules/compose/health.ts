// Whether a service has a working healthcheck (its own, or its built image's HEALTHCHECK).
import type { ServiceView } from "../../parse/compose.js";
import type { DirFiles } from "../../rule.js";
import { effectiveInstructions, finalStage } from "../dockerfile/stages.js";
import { builtDockerfile } from "./values.js";

export type Health = "service" | "image" | "disabled" | "none";

export function healthOf(svc: ServiceView, dir: DirFiles): Health {
  const hc = svc.data.healthcheck as Record<string, unknown> | undefined;
  if (hc && typeof hc === "object") {
    const test = hc.test;
    const none = Array.isArray(test) ? String(test[0]).toUpperCase() === "NONE" : false;
    if (hc.disable === true || none) return "disabled";
    if (test !== undefined) return "service";
  }
  const df = builtDockerfile(svc, dir);
  const stage = df ? finalStage(df) : undefined;
  if (stage) {
    const checks = effectiveInstructions(stage).filter((i) => i.keyword === "HEALTHCHECK");
    const last = checks[checks.length - 1];
    if (last && !/^NONE$/i.test(last.content.trim())) return "image";
  }
  return "none";
}
