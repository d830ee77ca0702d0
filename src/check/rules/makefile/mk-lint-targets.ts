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
    // `docker-lint`/`docker-scan` count too: docker-scaffold uses them when a Makefile already has lint/scan.
    const lintRecipe = [...targetRecipe(model, "lint"), ...targetRecipe(model, "docker-lint")];
    const scanRecipe = [...targetRecipe(model, "scan"), ...targetRecipe(model, "docker-scan")];
    const lint = lintRecipe.map((r) => expandMakeVars(model, r.text)).join("\n");
    const scan = scanRecipe.map((r) => expandMakeVars(model, r.text)).join("\n");
    if (!/hadolint/i.test(lint) || !/dclint|docker-compose-linter/i.test(lint)) hits.push({ line: lineOf(model, "lint"), message: "no lint target running hadolint and dclint" });
    if (!/\b(trivy|grype|scout|snyk)\b/i.test(scan)) hits.push({ line: lineOf(model, "scan"), message: "no scan target running an image scanner (trivy, grype, docker scout)" });
    for (const r of [...lintRecipe, ...scanRecipe]) {
      const image = runImage(expandMakeVars(model, r.text));
      if (!image || image.includes("$")) continue;
      const ref = parseImageRef(image);
      if (!ref.digest && (!ref.tag || ref.tag === "latest")) hits.push({ line: r.line, message: `tool image ${image} is not pinned to a version` });
    }
    return hits;
  },
});

const VALUED = new Set(["-v", "--volume", "-e", "--env", "-w", "--workdir", "--name", "--entrypoint", "-u", "--user", "--network", "--mount", "-p", "--publish", "--platform", "--env-file", "-l", "--label"]);

/** The image of a `docker run` command line: the first word after its options. */
function runImage(text: string): string | undefined {
  const m = /\b(?:docker|podman)\s+(?:container\s+)?run\s+(.*)$/.exec(text);
  if (!m) return undefined;
  const words = (m[1] ?? "").split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w.startsWith("-")) {
      if (VALUED.has(w)) i += 1;
      continue;
    }
    return w;
  }
  return undefined;
}

/** Replace $(VAR) / ${VAR} with the Makefile's own value of VAR (last assignment wins). */
function expandMakeVars(model: Parameters<typeof targetRecipe>[0], text: string): string {
  const values = new Map(model.variables.map((v) => [v.name, v.value]));
  return text.replace(/\$[({]([A-Za-z0-9_.-]+)[)}]/g, (all, name: string) => values.get(name) ?? all);
}

function lineOf(model: Parameters<typeof targetRecipe>[0], target: string): number {
  return model.rules.find((r) => r.targets.includes(target))?.line ?? 1;
}
