// DF-NO-SECRETS-ARG-ENV: no secret-looking ARG/ENV names, no literal credentials anywhere.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { isSecretKey, knownTokenIn } from "../secrets.js";

interface Prop {
  getName(): string;
  getValue(): string | null;
}

export const dfNoSecretsArgEnv = defineRule({
  id: "DF-NO-SECRETS-ARG-ENV",
  severity: "critical",
  target: "dockerfile",
  on: "dockerfile",
  title: "No secrets in ARG or ENV, no literal credentials in the Dockerfile",
  why: "ARG and ENV values are stored in the image config and build history: `docker history` or any registry reader recovers them.",
  fix: "Pass secrets at build time with `RUN --mount=type=secret,id=NAME` and at run time through the environment or secrets, never ARG/ENV.",
  refs: { trivy: "DS-0031", dockle: "CIS-DI-0010", checkov: "CKV_SECRET_*", cis: "4.10", buildkit: "SecretsUsedInArgOrEnv", owasp: "#12" },
  check(model) {
    const hits: Hit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword === "ARG" || instr.keyword === "ENV") {
        for (const p of (instr.node as unknown as { getProperties(): Prop[] }).getProperties()) {
          if (isSecretKey(p.getName())) {
            hits.push({ line: instr.line, message: `${instr.keyword} ${p.getName()} looks like a secret and is kept in the image metadata` });
          }
        }
      }
      const token = knownTokenIn(instr.content);
      if (token) hits.push({ line: instr.line, message: `${instr.keyword} contains what looks like a literal ${token}` });
    }
    return hits;
  },
});
