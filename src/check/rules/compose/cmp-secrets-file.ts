// CMP-SECRETS-FILE: secrets go through top-level `secrets:` (file/environment) mounted per
// service, read via *_FILE; not through interpolated environment variables.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { isSecretKey } from "../secrets.js";
import { asList, environmentEntries } from "./values.js";

export const cmpSecretsFile = defineRule({
  id: "CMP-SECRETS-FILE",
  severity: "info",
  target: "compose",
  on: "compose",
  title: "Secrets use top-level `secrets:` (with `file:`) mounted per service, read through `*_FILE`",
  why: "Environment variables leak into `docker inspect`, crash dumps and child processes; a secret file under /run/secrets does not.",
  fix: "Declare `secrets: {db_password: {file: ./secrets/db_password.txt}}`, mount it in the service and set `DB_PASSWORD_FILE: /run/secrets/db_password`.",
  refs: { owasp: "#12" },
  check(model) {
    const hits: Hit[] = [];
    const top = (model.data?.secrets ?? {}) as Record<string, unknown>;
    for (const [name, def] of Object.entries(top)) {
      const d = (def ?? {}) as Record<string, unknown>;
      if (d.file === undefined && d.environment === undefined && d.external === undefined && d.name === undefined) {
        hits.push({ line: model.lineOf("secrets", name), message: `secret ${name} has no file: or environment:` });
      }
    }
    for (const svc of model.services) {
      asList(svc.data.secrets).forEach((s, i) => {
        const name = s && typeof s === "object" ? String((s as Record<string, unknown>).source ?? "") : String(s);
        if (!(name in top)) hits.push({ line: svc.lineOf("secrets", i), message: `service ${svc.name} uses secret ${name}, which is not declared at the top level` });
      });
      for (const e of environmentEntries(svc.data.environment)) {
        if (e.value !== undefined && isSecretKey(e.key) && /\$\{?\w/.test(e.value)) {
          hits.push({ line: svc.lineOf("environment", e.pathKey), message: `service ${svc.name}: ${e.key} passes a secret through the environment; prefer secrets: and ${e.key}_FILE` });
        }
      }
    }
    return hits;
  },
});
