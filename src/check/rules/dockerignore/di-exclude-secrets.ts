// DI-EXCLUDE-SECRETS: .env, keys and credential files stay out of the build context.
import { defineRule } from "../../rule.js";
import { notIgnored } from "../../parse/dockerignore.js";

// Sample paths, tested with Docker's matcher; the fix lists the patterns that cover them.
const SAMPLES = [".env", ".env.local", ".env.production", "server.pem", "tls.key", "id_rsa", "id_ed25519", ".npmrc", ".pypirc", "credentials.json", "config/credentials.yml", "secrets/db.txt"];

export const diExcludeSecrets = defineRule({
  id: "DI-EXCLUDE-SECRETS",
  severity: "high",
  target: "dockerignore",
  on: "dockerignore",
  title: "The context excludes .env, .env.*, *.pem, *.key, id_rsa*, .npmrc, .pypirc, credentials and secrets/",
  why: "A `COPY . .` copies whatever the context holds; a .env or private key in the repository directory ends up in a layer anyone can pull.",
  fix: "Add: `.env`, `.env.*`, `!.env.example`, `*.pem`, `*.key`, `id_rsa*`, `id_ed25519*`, `.npmrc`, `.pypirc`, `**/credentials*`, `secrets/`.",
  refs: { dockle: "CIS-DI-0010", trivy: "DS-0031", cis: "4.10", owasp: "#12" },
  check(model) {
    const missing = notIgnored(model, SAMPLES);
    return missing.length ? [{ line: 1, message: `these would be sent to the builder: ${missing.join(", ")}` }] : [];
  },
});
