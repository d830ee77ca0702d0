// DF-BASE-NOLATEST: no `:latest` base image.
import { defineRule } from "../../rule.js";

export const dfBaseNoLatest = defineRule({
  id: "DF-BASE-NOLATEST",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "Base image tag is not `latest`",
  why: "`latest` moves: a rebuild silently picks up a new major version, and nobody can tell which base an image was built from.",
  fix: "Pin a version tag such as `python:3.12-slim` or `node:22-bookworm-slim`.",
  refs: { hadolint: "DL3007", trivy: "DS-0001", dockle: "DKL-DI-0006", checkov: "CKV_DOCKER_7", cis: "5.28", owasp: "#9" },
  check(model) {
    return model.stages
      .filter((s) => s.ref && !s.parent && s.ref.tag?.toLowerCase() === "latest" && !s.ref.digest)
      .map((s) => ({ line: s.from.line, message: `FROM ${s.imageExpanded} uses the latest tag` }));
  },
});
