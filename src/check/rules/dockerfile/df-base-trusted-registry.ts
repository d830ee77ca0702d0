// DF-BASE-TRUSTED-REGISTRY (on when `check.registries` is configured): base images
// come from an allowed registry.
import { defineRule } from "../../rule.js";
import { isScratch } from "./stages.js";

export const dfBaseTrustedRegistry = defineRule({
  id: "DF-BASE-TRUSTED-REGISTRY",
  severity: "info",
  target: "dockerfile",
  on: "dockerfile",
  optIn: true,
  title: "Base images come from an allow-listed registry",
  why: "A team that mirrors or vets its base images wants every FROM to go through that registry. Turned on by listing registries under `check.registries`.",
  fix: "Pull the base through an allowed registry (check.registries in .docker-scaffold.yml).",
  refs: { hadolint: "DL3026", dockle: "CIS-DI-0002", cis: "4.2", owasp: "#13" },
  check(model, ctx) {
    const allowed = (ctx.config.registries ?? []).map((r) => r.toLowerCase().replace(/\/+$/, ""));
    if (allowed.length === 0) return [];
    return model.stages
      .filter((s) => s.ref && !s.parent && !isScratch(s.ref))
      .filter((s) => {
        const registry = s.ref?.registry ?? "docker.io";
        const full = `${registry}/${s.ref?.name ?? ""}`;
        return !allowed.some((a) => a === registry || full.startsWith(a + "/") || (a === "docker.io" && registry === "index.docker.io"));
      })
      .map((s) => ({ line: s.from.line, message: `FROM ${s.imageExpanded} is not from an allowed registry (${allowed.join(", ")})` }));
  },
});
