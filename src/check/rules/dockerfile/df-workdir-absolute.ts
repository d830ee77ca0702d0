// DF-WORKDIR-ABSOLUTE: WORKDIR is an absolute path.
import { defineRule } from "../../rule.js";

export const dfWorkdirAbsolute = defineRule({
  id: "DF-WORKDIR-ABSOLUTE",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "WORKDIR is absolute",
  why: "A relative WORKDIR depends on the previous one (and on the base image's), so the app ends up somewhere nobody intended.",
  fix: "Use an absolute path: `WORKDIR /app`.",
  refs: { hadolint: "DL3000", trivy: "DS-0009", checkov: "CKV_DOCKER_10", buildkit: "WorkdirRelativePath" },
  check(model) {
    return model.instructions
      .filter((i) => i.keyword === "WORKDIR")
      .filter((i) => {
        const p = i.content.trim().replace(/^["']/, "");
        return p !== "" && !p.startsWith("/") && !p.startsWith("$") && !/^[A-Za-z]:[\\/]/.test(p);
      })
      .map((i) => ({ line: i.line, message: `WORKDIR ${i.content.trim()} is relative` }));
  },
});
