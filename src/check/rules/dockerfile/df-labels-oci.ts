// DF-LABELS-OCI: the final image carries the OCI labels (title, source, version, revision, licenses).
import { defineRule } from "../../rule.js";
import { effectiveInstructions, finalStage } from "./stages.js";

const REQUIRED = ["title", "source", "version", "revision", "licenses"].map((k) => `org.opencontainers.image.${k}`);

export const dfLabelsOci = defineRule({
  id: "DF-LABELS-OCI",
  severity: "info",
  target: "dockerfile",
  on: "dockerfile",
  title: "OCI labels: org.opencontainers.image.title, source, version, revision, licenses",
  why: "Registries, scanners and people use these labels to tell where an image came from and which commit it is.",
  fix: "Add `LABEL org.opencontainers.image.source=$SOURCE org.opencontainers.image.revision=$REVISION ...` from build args.",
  refs: { hadolint: "DL3048-DL3058 (with a label schema)", buildkit: "InvalidDefinitionDescription (experimental)" },
  check(model) {
    const stage = finalStage(model);
    if (!stage) return [];
    const keys = new Set<string>();
    for (const i of effectiveInstructions(stage)) {
      if (i.keyword !== "LABEL") continue;
      for (const p of (i.node as unknown as { getProperties(): { getName(): string }[] }).getProperties()) keys.add(p.getName().replace(/^["']|["']$/g, ""));
    }
    const missing = REQUIRED.filter((k) => !keys.has(k));
    return missing.length ? [{ line: stage.from.line, message: `the final image lacks OCI labels: ${missing.map((k) => k.split(".").pop()).join(", ")}` }] : [];
  },
});
