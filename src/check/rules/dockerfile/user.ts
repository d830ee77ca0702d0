// The effective USER of the final stage (inherited from parent stages).
import type { DockerfileModel, Instr } from "../../parse/dockerfile.js";
import { effectiveInstructions, finalStage, resolveVar } from "./stages.js";

export interface FinalUser {
  instr: Instr | undefined;
  /** Resolved `user[:group]`, undefined when it has an unresolved variable. */
  value: string | undefined;
  user: string | undefined;
  group: string | undefined;
}

export function finalUser(model: DockerfileModel): FinalUser | undefined {
  const stage = finalStage(model);
  if (!stage) return undefined;
  const users = effectiveInstructions(stage).filter((i) => i.keyword === "USER");
  const instr = users[users.length - 1];
  if (!instr) return { instr: undefined, value: undefined, user: undefined, group: undefined };
  const raw = instr.content.trim();
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
  if (unresolved) return { instr, value: undefined, user: undefined, group: undefined };
  const [user, group] = value.split(":", 2);
  return { instr, value, user: user ?? "", group };
}

export function isRootUser(user: string | undefined): boolean {
  return user === "root" || user === "0";
}
