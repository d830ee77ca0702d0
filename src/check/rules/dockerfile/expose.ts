// EXPOSE entries with variables resolved: `8080`, `8080/tcp`, `8000-8010/udp`.
import type { DockerfileModel, Instr } from "../../parse/dockerfile.js";
import { resolveVar } from "./stages.js";

export interface ExposeEntry {
  instr: Instr;
  raw: string;
  /** Undefined when a variable could not be resolved. */
  value: string | undefined;
}

export function exposeEntries(model: DockerfileModel): ExposeEntry[] {
  const out: ExposeEntry[] = [];
  for (const instr of model.instructions) {
    if (instr.keyword !== "EXPOSE") continue;
    for (const raw of instr.words) {
      let unresolved = false;
      const value = raw.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}?/g, (_m, name: string, def?: string) => {
        const v = resolveVar(model, name, instr.line);
        if (v === undefined || v === null || v === "") {
          if (def !== undefined) return def;
          unresolved = true;
          return "";
        }
        return v;
      });
      out.push({ instr, raw, value: unresolved ? undefined : value });
    }
  }
  return out;
}

/** Lowest port number of a well-formed entry. */
export function lowPort(value: string): number | undefined {
  const m = /^(\d+)(?:-\d+)?(?:\/\w+)?$/.exec(value);
  return m ? Number(m[1]) : undefined;
}
