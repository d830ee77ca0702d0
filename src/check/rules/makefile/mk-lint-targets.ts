// MK-LINT-TARGETS: `lint` runs hadolint and dclint, `scan` runs an image scanner, images pinned.
import { parseImageRef } from "../../parse/image-ref.js";
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { targetRecipe } from "./recipes.js";

export const mkLintTargets = defineRule({
  id: "MK-LINT-TARGETS",
  severity: "info",
  target: "makefile",
  on: "makefile",
  title: "A `lint` target runs hadolint and dclint; a `scan` target runs an image scanner; their images are pinned",
  why: "Linters and scanners that run with one command get run; the real tools also catch what `check` cannot (shellcheck on RUN, CVEs in packages).",
  fix: "Add `lint:` (docker build --check, hadolint/hadolint:v2.12.0, dclint) and `scan:` (aquasec/trivy:0.56.2 image ...) targets.",
  refs: { cis: "4.4", owasp: "#9" },
  check(model) {
    const hits: Hit[] = [];
    const lint = targetRecipe(model, "lint").map((r) => r.text).join("\n");
    const scan = targetRecipe(model, "scan").map((r) => r.text).join("\n");
    if (!/hadolint/.test(lint) || !/dclint|docker-compose-linter/.test(lint)) hits.push({ line: lineOf(model, "lint"), message: "no lint target running hadolint and dclint" });
    if (!/\b(trivy|grype|scout|snyk)\b/.test(scan)) hits.push({ line: lineOf(model, "scan"), message: "no scan target running an image scanner (trivy, grype, docker scout)" });
    for (const r of [...targetRecipe(model, "lint"), ...targetRecipe(model, "scan")]) {
      const m = /\bdocker\s+run\b.*?\s((?:[\w.-]+\/)*[\w.-]+(?::[\w.-]+)?(?:@sha256:[0-9a-f]+)?)(\s|$)/.exec(r.text);
      const image = m?.[1];
      if (!image || image.startsWith("-")) continue;
      const ref = parseImageRef(image);
      if (!ref.digest && (!ref.tag || ref.tag === "latest")) hits.push({ line: r.line, message: `tool image ${image} is not pinned to a version` });
    }
    return hits;
  },
});

function lineOf(model: Parameters<typeof targetRecipe>[0], target: string): number {
  return model.rules.find((r) => r.targets.includes(target))?.line ?? 1;
}
