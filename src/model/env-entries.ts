// The variables env.example documents and compose passes to the app: the host port
// compose publishes on, plus what the framework reads.
import type { Answers } from "./answers.js";
import type { EnvEntry } from "./plan.js";

/** A variable the app reads, as detection found it. */
export interface AppEnvVar {
  name: string;
  secret: boolean;
  sources: string[];
  default?: string;
}

/** Set by the image itself (Dockerfile ENV) or by the container runtime: not asked of the user. */
const MANAGED = new Set(["PORT", "HOST", "HOSTNAME", "NODE_ENV", "PATH", "HOME", "PWD", "VIRTUAL_ENV", "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "HOST_PORT", "NEXT_TELEMETRY_DISABLED"]);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SAFE_VALUE = /^[^\s#"'$`\\]*$/;

export function envEntries(a: Answers, appVars: readonly AppEnvVar[] = []): EnvEntry[] {
  const entries: EnvEntry[] = [
    {
      name: "HOST_PORT",
      value: String(a.port),
      comment: `Port on ${a.security.bindAddress} that docker compose publishes the app on (the container listens on ${a.port}).`,
      secret: false,
      compose: null,
    },
  ];
  if (a.language === "python" && a.framework === "django") {
    entries.push(
      {
        name: "DJANGO_SECRET_KEY",
        value: "",
        comment: "Required. A long random string, e.g. python -c \"import secrets; print(secrets.token_urlsafe(50))\". Never commit it.",
        secret: true,
        compose: "${DJANGO_SECRET_KEY:?set DJANGO_SECRET_KEY in .env (see env.example)}",
      },
      {
        name: "DJANGO_ALLOWED_HOSTS",
        value: "localhost,127.0.0.1",
        comment: "Comma-separated host names Django answers to (127.0.0.1 is needed by the HEALTHCHECK).",
        secret: false,
        compose: "${DJANGO_ALLOWED_HOSTS:-localhost,127.0.0.1}",
      },
      {
        name: "DJANGO_DEBUG",
        value: "false",
        comment: "Never true in production.",
        secret: false,
        compose: "${DJANGO_DEBUG:-false}",
      },
    );
  }
  if (a.language === "go" && a.buildSecrets) {
    entries.push({
      name: "GOPRIVATE",
      value: "",
      comment: "Module path patterns fetched directly from their git host with the netrc build secret, e.g. github.com/acme/* (a build argument: not a secret).",
      secret: false,
      compose: null,
    });
  }
  const known = new Set(entries.map((e) => e.name));
  for (const v of appVars) {
    if (MANAGED.has(v.name) || known.has(v.name) || !ENV_NAME.test(v.name)) continue;
    known.add(v.name);
    const value = !v.secret && v.default !== undefined && SAFE_VALUE.test(v.default) ? v.default : "";
    const where = v.sources.slice(0, 3).join(", ") + (v.sources.length > 3 ? ", ..." : "");
    entries.push({
      name: v.name,
      value,
      comment: `${v.secret ? "Secret: fill in .env only. " : ""}Read by the app${where ? ` (${where})` : ""}.`.replace(/[\r\n]+/g, " "),
      secret: v.secret,
      // Passed through from .env; an unset variable reaches the app as empty.
      compose: `\${${v.name}:-${value}}`,
    });
  }
  return entries;
}
