// MK-BUILD-SECRETS: secrets go in with --secret, never --build-arg.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { isSecretKey } from "../secrets.js";
import { dockerCalls } from "./recipes.js";

export const mkBuildSecrets = defineRule({
  id: "MK-BUILD-SECRETS",
  severity: "critical",
  target: "makefile",
  on: "makefile",
  title: "Secrets are passed with `--secret id=...,src=...`, never `--build-arg`",
  why: "Build args are recorded in the image history and provenance: anyone with the image reads them.",
  fix: "Use `docker build --secret id=npm_token,env=NPM_TOKEN` and `RUN --mount=type=secret,id=npm_token` in the Dockerfile.",
  refs: { buildkit: "SecretsUsedInArgOrEnv", trivy: "DS-0031", cis: "4.10" },
  check(model) {
    const hits: Hit[] = [];
    for (const c of dockerCalls(model)) {
      for (const m of c.text.matchAll(/--build-arg[=\s]+["']?([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const name = m[1] ?? "";
        if (isSecretKey(name)) hits.push({ line: c.line, message: `--build-arg ${name} passes a secret as a build argument` });
      }
    }
    return hits;
  },
});
