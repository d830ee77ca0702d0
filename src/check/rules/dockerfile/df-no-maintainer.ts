// DF-NO-MAINTAINER: no MAINTAINER; use the OCI authors label.
import { defineRule } from "../../rule.js";

export const dfNoMaintainer = defineRule({
  id: "DF-NO-MAINTAINER",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "No MAINTAINER (deprecated)",
  why: "MAINTAINER is deprecated; tools read the OCI label instead.",
  fix: "Use `LABEL org.opencontainers.image.authors=\"team@example.com\"`.",
  refs: { hadolint: "DL4000", trivy: "DS-0022", checkov: "CKV_DOCKER_6", buildkit: "MaintainerDeprecated" },
  check(model) {
    return model.instructions.filter((i) => i.keyword === "MAINTAINER").map((i) => ({ line: i.line, message: "MAINTAINER is deprecated" }));
  },
});
