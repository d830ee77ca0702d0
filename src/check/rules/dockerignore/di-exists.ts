// DI-EXISTS: a .dockerignore sits next to the Dockerfile.
import { defineRule, ignoreFor } from "../../rule.js";

export const diExists = defineRule({
  id: "DI-EXISTS",
  severity: "medium",
  target: "dockerignore",
  on: "dockerfile",
  title: "A .dockerignore sits next to the Dockerfile",
  why: "Without it the whole directory (.git, .env, node_modules, caches) is sent to the builder and can end up in the image through `COPY . .`.",
  fix: "Create a .dockerignore that excludes .git, .env*, secrets, dependencies and build output.",
  refs: { dockle: "DKL-LI-0003", cis: "4.10" },
  check(model, ctx) {
    return ignoreFor(ctx.dir, model) ? [] : [{ line: 1, message: `no .dockerignore beside ${model.file.base}: the whole directory is the build context` }];
  },
});
