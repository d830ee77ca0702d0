// DF-NO-SECRET-FILES: no credential files COPY'd into the image.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { addSources } from "./copy-args.js";

const SECRET_FILE = /(^|\/)(\.env(\.(?!example$|sample$|template$)[\w.-]+)?|[^/]*\.(pem|key|p12|pfx|jks|keystore)|id_(rsa|dsa|ecdsa|ed25519)(\.pub)?|credentials(\.json)?|\.git-credentials|\.netrc|\.pgpass|service-account[^/]*\.json|secrets?\/?)$/i;

export const dfNoSecretFiles = defineRule({
  id: "DF-NO-SECRET-FILES",
  severity: "critical",
  target: "dockerfile",
  on: "dockerfile",
  title: "No credential files (.env, *.pem, *.key, id_rsa, credentials.json) are copied into the image",
  why: "A file copied into a layer stays in the image even if a later step deletes it; anyone who can pull the image has the key.",
  fix: "Mount it only for the step that needs it (`RUN --mount=type=secret,id=...`) and exclude it in .dockerignore.",
  refs: { trivy: "DS-0031", dockle: "CIS-DI-0010", cis: "4.10", buildkit: "CopyIgnoredFile (experimental)", owasp: "#12" },
  check(model) {
    const hits: Hit[] = [];
    for (const instr of model.instructions) {
      if ((instr.keyword !== "COPY" && instr.keyword !== "ADD") || instr.flags.some((f) => f.name === "from")) continue;
      const secret = addSources(instr).filter((s) => SECRET_FILE.test(s.replace(/\/+$/, "")) && !/\.pub$/.test(s));
      if (secret.length) hits.push({ line: instr.line, message: `${instr.keyword} copies credential files into the image: ${secret.join(", ")}` });
    }
    return hits;
  },
});
