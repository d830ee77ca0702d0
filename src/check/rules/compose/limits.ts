// deploy.resources.limits.* with the service-level shorthands.
import type { ServiceView } from "../../parse/compose.js";

export function deployLimit(svc: ServiceView, key: string): unknown {
  const deploy = svc.data.deploy as Record<string, unknown> | undefined;
  const resources = deploy?.resources as Record<string, unknown> | undefined;
  const limits = resources?.limits as Record<string, unknown> | undefined;
  return limits?.[key];
}
