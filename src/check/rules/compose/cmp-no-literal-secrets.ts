// CMP-NO-LITERAL-SECRETS: secret-like environment values are not literals.
import { isSecretKey, knownTokenIn } from "../secrets.js";
import { serviceRule } from "./service-rule.js";
import { environmentEntries } from "./values.js";

export const cmpNoLiteralSecrets = serviceRule(
  {
    id: "CMP-NO-LITERAL-SECRETS",
    severity: "critical",
    title: "No literal secrets in `environment:` (use `${VAR}` from .env, `secrets:` or `*_FILE`)",
    why: "A compose file is committed and shared: a password in it is a password in git history, and `docker inspect` shows it too.",
    fix: "Write `DB_PASSWORD: ${DB_PASSWORD:?set it in .env}`, or better `secrets:` with `DB_PASSWORD_FILE: /run/secrets/db_password`.",
    refs: { cis: "4.10 (analog)", owasp: "#12" },
  },
  (svc) => {
    const hits = [];
    for (const e of environmentEntries(svc.data.environment)) {
      if (e.value === undefined) continue;
      const line = svc.lineOf("environment", e.pathKey);
      const token = knownTokenIn(e.value);
      if (token) {
        hits.push({ line, message: `service ${svc.name}: ${e.key} holds what looks like a ${token}` });
        continue;
      }
      // MYSQL_RANDOM_ROOT_PASSWORD: "1" and the like are switches, not secrets.
      if (!isSecretKey(e.key) || /^(0|1|true|false|yes|no|on|off)$/i.test(e.value.trim())) continue;
      // Literal text left after removing ${...} references, plus literal defaults (${X:-secret}).
      const literal = e.value.replace(/\$\$/g, "").replace(/\$\{[^}]*\}|\$[A-Za-z_]\w*/g, "").trim();
      const defaults = [...e.value.matchAll(/\$\{\w+:?-([^}]+)\}/g)].map((m) => m[1] ?? "");
      const bad = literal !== "" || defaults.some((d) => d.trim() !== "" && !d.includes("$"));
      if (bad) hits.push({ line, message: `service ${svc.name}: ${e.key} is set to a literal value` });
    }
    return hits;
  },
);
