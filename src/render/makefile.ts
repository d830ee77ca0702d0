// The Makefile's view: target names (renamed when an existing Makefile already has
// them), the hardened `docker run` flags, and whether we own the whole file.
import type { Plan } from "../model/plan.js";
import { serviceSecrets } from "../model/services.js";
import { buildSecretFor } from "./build-secrets.js";
import { COMPOSE_DEV_FILE } from "./compose.js";
import { commonView, tmpfsMounts } from "./view.js";

const RENAMEABLE = ["help", "lint", "scan", "dev"] as const;

export const MAKEFILE_TARGETS = [
  "docker-build",
  "docker-run",
  "docker-run-env",
  "docker-stop",
  "docker-logs",
  "docker-shell",
  "docker-exec",
  "docker-restart",
  "docker-rebuild",
  "docker-health",
  "docker-clean",
  "compose-up",
  "compose-down",
  "compose-logs",
  "docker-push",
  "secrets",
] as const;

/** Targets that need a shell in the image (none in distroless). */
const SHELL_TARGETS = ["docker-shell", "docker-exec"];

export function makefileView(plan: Plan, ownsFile: boolean): object {
  const common = commonView(plan);
  const a = plan.answers;
  const sec = a.security;
  const taken = new Set(plan.makefileTargetsTaken);
  // A generic name the user's Makefile already uses becomes docker-<name>.
  const t = Object.fromEntries(RENAMEABLE.map((n) => [n, taken.has(n) ? `docker-${n}` : n])) as Record<(typeof RENAMEABLE)[number], string>;
  const runFlags: string[] = [];
  if (sec.readOnly) {
    const [tmp, ...more] = tmpfsMounts(a);
    runFlags.push(`--read-only --tmpfs ${tmp}`, ...more.map((m) => `--tmpfs ${m}`));
  }
  if (sec.dropCapabilities) runFlags.push("--cap-drop ALL");
  if (sec.noNewPrivileges) runFlags.push("--security-opt no-new-privileges:true");
  runFlags.push(`--memory ${sec.memory} --cpus ${sec.cpus} --pids-limit ${sec.pids}`);
  const secrets = secretsView(a.services);
  const devDown = `${t.dev}-down`;
  const targets = [t.help, ...MAKEFILE_TARGETS.filter((n) => (common.hasShell || !SHELL_TARGETS.includes(n)) && (n !== "secrets" || secrets)), ...(a.dev ? [t.dev, devDown] : []), t.lint, t.scan];
  // docker-run-env passes the app's variables from the calling shell (FLASK_ENV=development make docker-run-env).
  const runEnv = plan.env.filter((e) => e.compose !== null).map((e) => e.name);
  return {
    ...common,
    ownsFile,
    t,
    devDown,
    composeDevFile: COMPOSE_DEV_FILE,
    runFlags,
    runEnv: runEnv.join(" "),
    secrets,
    phony: targets.join(" "),
    buildSecret: buildSecretFor(a),
    goPrivate: a.language === "go" && a.buildSecrets,
  };
}

/** `make secrets`: the password files the backing services read, and the URLs the app reads. */
export function secretsView(services: readonly string[]): { files: string; postgres: boolean; redis: boolean } | null {
  const files = serviceSecrets(services);
  if (!files.length) return null;
  return { files: files.join(" "), postgres: services.includes("postgres"), redis: services.includes("redis") };
}
