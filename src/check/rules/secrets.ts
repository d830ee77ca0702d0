// Secret detection shared by Dockerfile, compose, env.example and Makefile rules.
// Key pattern: BuildKit's SecretsUsedInArgOrEnv (reused by Trivy DS-0031), `public` allowed.

const SECRET_KEY = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token|usr|psw)(?:_|$)/i;
const ALLOWED_PART = /(?:_|^)public(?:_|$)/i;

/** Trivy's explicit names (DS-0031), matched whole. */
const SECRET_NAMES = new Set([
  "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "GITHUB_TOKEN", "GH_TOKEN", "GITLAB_TOKEN",
  "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "DOCKERHUB_PASSWORD", "DOCKER_PASSWORD",
  "NPM_TOKEN", "PYPI_TOKEN", "SLACK_TOKEN", "STRIPE_SECRET_KEY", "DATABASE_PASSWORD", "DB_PASSWORD", "MYSQL_ROOT_PASSWORD",
  "POSTGRES_PASSWORD", "REDIS_PASSWORD", "JWT_SECRET", "SECRET_KEY_BASE", "DJANGO_SECRET_KEY", "SECRET_KEY",
]);

/** Names that refer to a secret without holding one: a path to a file, a key id. */
const REFERENCE_SUFFIX = /_(FILE|PATH|DIR|ID_FILE)$/i;

export function isSecretKey(name: string): boolean {
  if (REFERENCE_SUFFIX.test(name)) return false;
  if (SECRET_NAMES.has(name.toUpperCase())) return true;
  if (ALLOWED_PART.test(name)) return false;
  return SECRET_KEY.test(name);
}

const TOKEN_FORMATS: readonly [string, RegExp][] = [
  ["AWS access key id", /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ["GitHub token", /\bgh[pousr]_[0-9A-Za-z]{36,}\b/],
  ["GitHub fine-grained token", /\bgithub_pat_[0-9A-Za-z_]{60,}\b/],
  ["GitLab token", /\bglpat-[0-9A-Za-z_-]{20,}\b/],
  ["Slack token", /\bxox[abpors]-[0-9A-Za-z-]{10,}\b/],
  ["OpenAI key", /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}\b/],
  ["Stripe key", /\b[sr]k_live_[0-9A-Za-z]{20,}\b/],
  ["Google API key", /\bAIza[0-9A-Za-z_-]{35}\b/],
  ["npm token", /\bnpm_[0-9A-Za-z]{36}\b/],
  ["JSON Web Token", /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
  ["private key", /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/],
];

/** The kind of credential a text contains, if it contains a known token format. */
export function knownTokenIn(text: string): string | undefined {
  if (text.length < 16) return undefined;
  for (const [label, re] of TOKEN_FORMATS) if (re.test(text)) return label;
  return undefined;
}

const PLACEHOLDER = /^(|changeme|change[-_]?me.*|example.*|.*example|x+|\*+|<[^>]*>|\$\{?[A-Za-z_].*|your[-_].*|replace[-_]?me.*|todo|tbd|dummy|placeholder|secret|password|none|null|test|dev|development|local|\.\.\.)$/i;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** A value that looks like a real secret rather than a placeholder. */
export function looksLikeRealSecret(value: string): boolean {
  const v = value.trim();
  if (isPlaceholder(v)) return false;
  if (knownTokenIn(v)) return true;
  return v.length >= 16 && entropy(v) >= 3.5 && /\d/.test(v) && /[A-Za-z]/.test(v);
}

/** Password inside a URL (`scheme://user:pass@host`), when it is not a placeholder or a variable. */
export function urlPassword(value: string): string | undefined {
  const m = /[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:([^@\s]+)@/i.exec(value);
  const pass = m?.[1];
  if (!pass || isPlaceholder(pass) || pass.includes("$")) return undefined;
  return pass;
}
