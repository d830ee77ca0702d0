// DF-HEALTHCHECK: the final stage defines a HEALTHCHECK (not NONE).
import { defineRule } from "../../rule.js";
import { effectiveInstructions, finalStage } from "./stages.js";

export const dfHealthcheck = defineRule({
  id: "DF-HEALTHCHECK",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "The final stage defines a HEALTHCHECK",
  why: "Without a health probe the engine only knows the process is alive, not that it answers; restarts and depends_on conditions cannot react to a hung app.",
  fix: "Add an exec-form probe that works in the final image, e.g. `HEALTHCHECK CMD [\"python\", \"-c\", \"import urllib.request as u; u.urlopen('http://127.0.0.1:8000/health')\"]`.",
  refs: { hadolint: "DL3057 (ignored by default)", trivy: "DS-0026", dockle: "CIS-DI-0006", checkov: "CKV_DOCKER_2", cis: "4.6" },
  check(model) {
    const stage = finalStage(model);
    if (!stage) return [];
    const checks = effectiveInstructions(stage).filter((i) => i.keyword === "HEALTHCHECK");
    const last = checks[checks.length - 1];
    if (!last) return [{ line: stage.from.line, message: "the final stage has no HEALTHCHECK" }];
    if (/^NONE$/i.test(last.content.trim())) return [{ line: last.line, message: "HEALTHCHECK NONE turns the health probe off" }];
    return [];
  },
});
