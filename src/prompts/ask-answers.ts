// The interactive flow (issue: language -> framework -> package manager -> runtime
// version -> port -> start command -> health path -> security). Only what no flag,
// preset or recorded answer supplied is asked; every prompt has a default.
import { FRAMEWORKS, LANGUAGES, type Language, type PartialAnswers } from "../model/answers.js";
import { joinCommand, splitCommand } from "../model/command.js";
import { BUILD_SECRET_PACKAGE_MANAGERS, DEFAULT_SECURITY, DEV_LANGUAGES, LANGUAGE_DEFAULTS, SUPPORTED, defaultUid } from "../model/defaults.js";
import { defaultStartCommand } from "../model/start-commands.js";
import { HEALTH_PATH_RE } from "../model/validate.js";
import { BACKING_SERVICES, isBackingService } from "../model/services.js";
import type { Prompter } from "./prompter.js";

const LANGUAGE_NAMES: Record<string, string> = { python: "Python", node: "Node.js (JavaScript/TypeScript)", go: "Go", rust: "Rust", java: "Java" };

const validPort = (v: string): true | string => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1024 && n <= 65535 ? true : "a whole number from 1024 to 65535 (non-root cannot bind lower ports)";
};
const validVersion = (v: string): true | string => (/^\d+(\.\d+)?$/.test(v.trim()) ? true : "a major or major.minor version, e.g. 3.12 or 22");
const validUid = (v: string): true | string => (/^[1-9]\d{0,9}$/.test(v.trim()) ? true : "a numeric, non-zero uid, e.g. 10001");
const validCommand = (v: string): true | string => {
  if (/[\u0000-\u001f]/.test(v)) return "one line, please";
  try {
    return splitCommand(v).length > 0 ? true : "give the program and its arguments";
  } catch (err) {
    return (err as Error).message;
  }
};
const validServices = (v: string): true | string => {
  const unknown = v.split(",").map((x) => x.trim()).filter((x) => x && !isBackingService(x));
  return unknown.length ? `unknown: ${unknown.join(", ")}; known: ${BACKING_SERVICES.join(", ")}` : true;
};
const validHealthPath = (v: string): true | string =>
  v.trim() === "" || HEALTH_PATH_RE.test(v.trim()) ? true : "a path starting with /, or empty for a TCP probe";

/**
 * Ask for what `known` lacks. `suggested` holds pre-filled defaults (detection) that are
 * asked anyway, marked "(detected)". Returns only the answers the user gave.
 */
export async function askAnswers(
  asker: Prompter,
  known: PartialAnswers,
  suggested: PartialAnswers = {},
  /** Filled with the question names whose answer was the pre-filled default, unchanged. */
  accepted?: Set<string>,
  /** Ask for a CI workflow and an update bot: on a first run only (a re-run had its chance). */
  delivery = true,
): Promise<PartialAnswers> {
  const prompter = accepted ? recordAccepted(asker, accepted) : asker;
  const out: Record<string, unknown> = {};
  const has = (k: keyof PartialAnswers) => known[k] !== undefined;
  const hint = (k: keyof PartialAnswers) => (suggested[k] !== undefined ? " (detected)" : "");
  const supported = LANGUAGES.filter((l) => SUPPORTED[l]);

  const language = (has("language") ? known.language : (out.language = await prompter.select({
    name: "language",
    message: `Language${hint("language")}`,
    choices: supported.map((l) => ({ value: l, name: LANGUAGE_NAMES[l] ?? l })),
    default: (suggested.language as Language | undefined) ?? undefined,
  }))) as Language;
  // A language from a flag or preset that this version cannot render (or does not know):
  // nothing to ask about it; validation reports it with the supported ones.
  if (!SUPPORTED[language]) return out as PartialAnswers;
  const defaults = LANGUAGE_DEFAULTS[language];

  const framework = has("framework") ? String(known.framework) : (out.framework = await prompter.select({
    name: "framework",
    message: `Framework${hint("framework")}`,
    choices: FRAMEWORKS[language].map((f) => ({ value: f, name: f === "none" ? "none (I will give the start command)" : f })),
    default: String(suggested.framework ?? defaults.framework),
  })) as string;

  const packageManager = has("packageManager") ? String(known.packageManager) : (out.packageManager = await prompter.select({
    name: "packageManager",
    message: `Package manager${hint("packageManager")}`,
    choices: (SUPPORTED[language]?.packageManagers ?? []).map((p) => ({ value: p, name: p })),
    default: String(suggested.packageManager ?? defaults.packageManager),
  })) as string;

  if (!has("runtimeVersion")) {
    out.runtimeVersion = (await prompter.input({
      name: "runtimeVersion",
      message: `${LANGUAGE_NAMES[language] ?? language} version${hint("runtimeVersion")}`,
      default: String(suggested.runtimeVersion ?? defaults.runtimeVersion),
      validate: validVersion,
    })).trim();
  }

  let port = Number(known.port ?? suggested.port ?? defaults.port);
  if (!has("port")) {
    port = Number(await prompter.input({ name: "port", message: `Port the app listens on${hint("port")}`, default: String(port), validate: validPort }));
    out.port = port;
  }

  if (!has("startCommand")) {
    const conventional = (suggested.startCommand as string[] | undefined) ?? defaultStartCommand({ language, framework, packageManager, port });
    const answer = await prompter.input({
      name: "startCommand",
      message: `Production start command${hint("startCommand")}`,
      default: conventional ? joinCommand(conventional) : undefined,
      validate: validCommand,
    });
    const argv = splitCommand(answer);
    // Keep the conventional command derived (it follows the port) unless the user changed it.
    if (!conventional || joinCommand(argv) !== joinCommand(conventional) || suggested.startCommand !== undefined) out.startCommand = argv;
  }

  if (!has("healthPath")) {
    const answer = await prompter.input({
      name: "healthPath",
      message: `Health check path (empty for a TCP probe)${hint("healthPath")}`,
      default: String(suggested.healthPath ?? defaults.healthPath ?? ""),
      validate: validHealthPath,
    });
    out.healthPath = answer.trim() === "" ? null : answer.trim();
  }

  // Backing services are asked when detection found a driver for one (pre-filled with it);
  // otherwise the default (none) stands and --services adds them.
  if (!has("services") && Array.isArray(suggested.services) && suggested.services.length) {
    const offered = suggested.services.join(",");
    const answer = await prompter.input({
      name: "services",
      message: `Backing services for compose, comma-separated (${BACKING_SERVICES.join(", ")}; empty for none)${hint("services")}`,
      default: offered,
      validate: validServices,
    });
    const list = answer.split(",").map((x) => x.trim()).filter(Boolean);
    if (list.length) out.services = list;
  }

  await askSecurity(prompter, known, language, out);
  await askExtras(prompter, known, language, packageManager, out);
  if (delivery) await askDelivery(prompter, known, out);
  return out as PartialAnswers;
}

/** CI and the update bot (issue 9). --pin-digests and --image are flags only: no question. */
async function askDelivery(prompter: Prompter, known: PartialAnswers, out: Record<string, unknown>): Promise<void> {
  if (known.ci === undefined) {
    out.ci = await prompter.select({
      name: "ci",
      message: "CI workflow",
      choices: [
        { value: "none", name: "none" },
        { value: "github", name: "GitHub Actions (lint, build, Trivy scan; publish multi-arch on v* tags)" },
      ],
      default: "none",
    });
  }
  if (known.updateBot === undefined) {
    out.updateBot = await prompter.select({
      name: "updateBot",
      message: "Keep base images and dependencies fresh with",
      choices: [
        { value: "none", name: "nothing" },
        { value: "renovate", name: "Renovate (renovate.json)" },
        { value: "dependabot", name: "Dependabot (.github/dependabot.yml)" },
      ],
      default: "none",
    });
  }
}

/** The optional outputs of issue 9: a development target, and build secrets for a private registry. */
async function askExtras(prompter: Prompter, known: PartialAnswers, language: Language, packageManager: string, out: Record<string, unknown>): Promise<void> {
  // Offered only where a dev stage exists (validate.ts refuses it elsewhere).
  if (known.dev === undefined && DEV_LANGUAGES.includes(language)) {
    out.dev = await prompter.confirm({
      name: "dev",
      message: "Development target (a reloading dev stage, make dev)?",
      default: false,
    });
  }
  if (known.buildSecrets === undefined && BUILD_SECRET_PACKAGE_MANAGERS.includes(packageManager)) {
    out.buildSecrets = await prompter.confirm({
      name: "buildSecrets",
      message: "Install from a private registry (build secrets)?",
      default: false,
    });
  }
}

async function askSecurity(prompter: Prompter, known: PartialAnswers, language: Language, out: Record<string, unknown>): Promise<void> {
  let base = known.base as string | undefined;
  if (base === undefined) {
    base = language === "python" ? "slim" : await prompter.select({
      name: "base",
      message: "Final image",
      choices: [
        { value: "distroless", name: "distroless (no shell, no package manager: smallest attack surface)" },
        { value: "slim", name: "Debian slim (has a shell for debugging)" },
      ],
      default: language === "go" || language === "rust" ? "distroless" : "slim",
    });
    if (language !== "python") out.base = base;
  }
  if (known.uid === undefined) {
    const uid = await prompter.input({ name: "uid", message: "Numeric uid (and gid) to run as", default: String(defaultUid(base as "slim" | "distroless")), validate: validUid });
    out.uid = Number(uid);
    if (known.gid === undefined) out.gid = Number(uid);
  }
  const knownSecurity = (known.security ?? {}) as Record<string, unknown>;
  const security: Record<string, unknown> = {};
  const flags = [
    ["readOnly", "Read-only root filesystem (a tmpfs for /tmp)?"],
    ["dropCapabilities", "Drop all Linux capabilities?"],
    ["noNewPrivileges", "Forbid privilege escalation (no-new-privileges)?"],
  ] as const;
  for (const [key, message] of flags) {
    if (knownSecurity[key] === undefined) security[key] = await prompter.confirm({ name: `security.${key}`, message, default: DEFAULT_SECURITY[key] });
  }
  if (Object.keys(security).length) out.security = security;
}

/** A Prompter that notes which questions were answered with their pre-filled default. */
function recordAccepted(prompter: Prompter, accepted: Set<string>): Prompter {
  const note = <T>(name: string, offered: unknown, answer: T): T => {
    if (offered !== undefined && String(answer).trim() === String(offered)) accepted.add(name);
    return answer;
  };
  return {
    select: async (q) => note(q.name, q.default, await prompter.select(q)),
    input: async (q) => note(q.name, q.default, await prompter.input(q)),
    confirm: async (q) => note(q.name, q.default, await prompter.confirm(q)),
    note: (text) => prompter.note(text),
  };
}
