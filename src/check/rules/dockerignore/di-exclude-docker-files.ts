// DI-EXCLUDE-DOCKER-FILES: Dockerfile*, compose files and .dockerignore stay out of the context.
import { defineRule } from "../../rule.js";
import { notIgnored } from "../../parse/dockerignore.js";

export const diExcludeDockerFiles = defineRule({
  id: "DI-EXCLUDE-DOCKER-FILES",
  severity: "info",
  target: "dockerignore",
  on: "dockerignore",
  title: "The context excludes Dockerfile*, docker-compose*.yml and .dockerignore",
  why: "Editing them would otherwise invalidate `COPY . .` layers; the builder reads the Dockerfile separately anyway.",
  fix: "Add `Dockerfile*`, `docker-compose*.yml`, `compose*.yaml` and `.dockerignore`.",
  refs: {},
  check(model, ctx) {
    const composes = ctx.dir.composes.map((c) => c.file.base);
    const samples = ["Dockerfile", ".dockerignore", ...(composes.length ? composes : ["docker-compose.yml"])];
    const missing = notIgnored(model, samples);
    return missing.length ? [{ line: 1, message: `not excluded: ${missing.join(", ")}` }] : [];
  },
});
