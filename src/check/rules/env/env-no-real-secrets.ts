// ENV-NO-REAL-SECRETS: env.example holds placeholders, never real credentials.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { isSecretKey, knownTokenIn, looksLikeRealSecret, urlPassword } from "../secrets.js";

export const envNoRealSecrets = defineRule({
  id: "ENV-NO-REAL-SECRETS",
  severity: "critical",
  target: "env",
  on: "env",
  title: "env.example holds placeholders only (`changeme`, empty), no real keys or passwords",
  why: "env.example is committed and copied around; a real key in it is a leaked key.",
  fix: "Replace the value with a placeholder (`changeme`, or leave it empty) and rotate the leaked credential.",
  refs: { checkov: "CKV_SECRET_*", owasp: "#12" },
  check(model) {
    const hits: Hit[] = [];
    for (const e of model.entries) {
      const token = knownTokenIn(e.value);
      if (token) hits.push({ line: e.line, message: `${e.key} holds what looks like a real ${token}` });
      else if (isSecretKey(e.key) && looksLikeRealSecret(e.value)) hits.push({ line: e.line, message: `${e.key} holds a high-entropy value, not a placeholder` });
      else if (urlPassword(e.value) && looksLikeRealSecret(urlPassword(e.value) ?? "")) hits.push({ line: e.line, message: `${e.key} has a real-looking password inside a URL` });
    }
    return hits;
  },
});
