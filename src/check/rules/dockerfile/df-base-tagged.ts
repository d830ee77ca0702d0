// DF-BASE-TAGGED: every FROM names a tag or digest, after ARG defaults are expanded.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { isScratch } from "./stages.js";

export const dfBaseTagged = defineRule({
  id: "DF-BASE-TAGGED",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "Every FROM names an explicit tag or digest",
  why: "Without a tag Docker pulls `latest`, so the same Dockerfile builds a different image whenever the upstream moves, and builds stop being reproducible or reviewable.",
  fix: "Name the version: `FROM python:3.12-slim` (or keep the version in an ARG with a default).",
  refs: { hadolint: "DL3006", trivy: "DS-0001", dockle: "DKL-DI-0006", checkov: "CKV_DOCKER_7", cis: "4.2, 5.28", owasp: "#9" },
  check(model) {
    const hits: Hit[] = [];
    for (const stage of model.stages) {
      const ref = stage.ref;
      if (!ref || stage.parent || isScratch(ref)) continue;
      if (stage.imageExpanded.trim() === "") {
        hits.push({ line: stage.from.line, message: `FROM ${stage.imageText} expands to an empty image name (ARG ${stage.missingArgs.join(", ") || "?"} has no default)`, fix: "Give the ARG before the first FROM a default value." });
      } else if (ref.tag === "" && !ref.digest) {
        hits.push({ line: stage.from.line, message: `FROM ${stage.imageText} expands to an empty tag (${stage.imageExpanded})`, fix: "Give the ARG used in the tag a default value before the first FROM." });
      } else if (!ref.tag && !ref.digest) {
        hits.push({ line: stage.from.line, message: `FROM ${stage.imageExpanded} has no tag, so Docker pulls :latest` });
      }
    }
    return hits;
  },
});
