// MK-BUILD-PULL: image builds pass --pull.
import { defineRule } from "../../rule.js";
import { dockerCalls } from "./recipes.js";

export const mkBuildPull = defineRule({
  id: "MK-BUILD-PULL",
  severity: "low",
  target: "makefile",
  on: "makefile",
  title: "`docker build --pull` (rebuild on patched base images)",
  why: "Without --pull the build reuses a cached base image for months, missing its security fixes.",
  fix: "Add `--pull` to `docker build` (and `docker compose build --pull`).",
  refs: { cis: "4.4" },
  check(model) {
    return dockerCalls(model)
      .filter((c) => (c.kind === "build" || c.kind === "buildx" || c.kind === "compose-build") && !/\s--pull\b/.test(c.text))
      .map((c) => ({ line: c.line, message: "image build without --pull" }));
  },
});
