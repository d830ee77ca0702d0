// security_opt entries, normalised (`label=disable` and `label:disable` alike).
import type { ServiceView } from "../../parse/compose.js";
import { asList } from "./values.js";

export function securityOpts(svc: ServiceView): { value: string; index: number }[] {
  return asList(svc.data.security_opt).map((v, index) => ({ value: String(v).trim().replace("=", ":"), index }));
}
