// The variables env.example documents and compose passes to the app: the host port
// compose publishes on, plus what the framework reads.
import type { Answers } from "./answers.js";
import type { EnvEntry } from "./plan.js";

export function envEntries(a: Answers): EnvEntry[] {
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
  return entries;
}
