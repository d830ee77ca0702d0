// DI-EXCLUDE-BUILD-ARTIFACTS: dependencies and caches of the Dockerfile's language stay out.
import type { DockerfileModel } from "../../parse/dockerfile.js";
import { defineRule } from "../../rule.js";
import { notIgnored } from "../../parse/dockerignore.js";

const BY_LANGUAGE: Record<string, { test: RegExp; samples: string[] }> = {
  node: { test: /\b(node|npm|yarn|pnpm|bun)\b/, samples: ["node_modules", "node_modules/x/index.js"] },
  python: { test: /\b(python|pip|uv|poetry|pipenv)\b/, samples: ["__pycache__", ".venv", ".pytest_cache"] },
  rust: { test: /\b(rust|cargo)\b/, samples: ["target"] },
  maven: { test: /\b(maven|mvn|mvnw)\b/, samples: ["target"] },
  gradle: { test: /\b(gradle|gradlew)\b/, samples: ["build", ".gradle"] },
};

export const diExcludeBuildArtifacts = defineRule({
  id: "DI-EXCLUDE-BUILD-ARTIFACTS",
  severity: "low",
  target: "dockerignore",
  on: "dockerignore",
  title: "The context excludes local dependencies and caches (node_modules, .venv, __pycache__, target/)",
  why: "Local dependency folders are built for the host, not the image; sending them slows every build and can shadow the ones the Dockerfile installs.",
  fix: "Add the language's folders: `node_modules` / `.venv`, `__pycache__`, `.pytest_cache` / `target` (Rust, Maven) / `build`, `.gradle` (Gradle).",
  refs: { dockle: "DKL-LI-0003" },
  check(model, ctx) {
    const text = ctx.dir.dockerfiles.map(languageText).join("\n");
    const samples = Object.values(BY_LANGUAGE).filter((l) => l.test.test(text)).flatMap((l) => l.samples);
    const missing = notIgnored(model, [...new Set(samples)]);
    return missing.length ? [{ line: 1, message: `not excluded: ${missing.join(", ")}` }] : [];
  },
});

function languageText(df: DockerfileModel): string {
  return [...df.stages.map((s) => s.imageExpanded), ...df.runs.flatMap((r) => r.shell.commands.map((c) => c.name))].join(" ");
}
