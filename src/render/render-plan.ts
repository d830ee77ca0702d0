// renderPlan: Plan -> RenderedFile[]. Pure: no fs, no clock, no env.
import type { OutputFile, Plan, RenderedFile } from "../model/plan.js";
import { renderStarter } from "../starters/render-starter.js";
import { renderAnswersFile } from "./answers-file.js";
import { buildSecretFor } from "./build-secrets.js";
import { COMPOSE_DEV_FILE, renderCompose, renderComposeDev } from "./compose.js";
import { devTarget } from "../model/dev-target.js";
import { languageIgnoreSections } from "./dockerignore.js";
import { renderTemplate } from "./engine.js";
import { hardeningRows } from "./hardening.js";
import { makefileView } from "./makefile.js";
import { commonView, goView, nodeView, pythonView } from "./view.js";

function dockerfile(plan: Plan): string {
  switch (plan.answers.language) {
    case "python":
      return renderTemplate("python/Dockerfile.hbs", pythonView(plan));
    case "node":
      return renderTemplate("node/Dockerfile.hbs", nodeView(plan));
    case "go":
      return renderTemplate("go/Dockerfile.hbs", goView(plan));
    default:
      throw new Error(`no Dockerfile template for ${plan.answers.language}`);
  }
}

function readmeView(plan: Plan): object {
  const a = plan.answers;
  return {
    ...commonView(plan),
    hardening: hardeningRows(a),
    // The Makefile's name for the target (docker-dev when the user's Makefile has a `dev` of its own).
    devTarget: plan.makefileTargetsTaken.includes("dev") ? "docker-dev" : "dev",
    composeDevFile: COMPOSE_DEV_FILE,
    devMounts: a.dev ? devTarget(a, plan.hints).mounts : [],
    isGo: a.language === "go",
    buildSecret: buildSecretFor(a),
    composeV2Secrets: a.buildSecrets ? `secrets: {${buildSecretFor(a)?.id}: {file: ./${buildSecretFor(a)?.defaultFile}}}` : "",
    goPrivate: a.language === "go" && a.buildSecrets,
  };
}

const GITIGNORE_LINES = [".env", ".env.*", "!.env.example", "secrets/"];

/**
 * Render one output. `ownsFile` says whether a managed-block file is the whole file
 * (a new Makefile gets the strict SHELL settings; an existing one keeps its own).
 */
export function renderFile(plan: Plan, file: OutputFile, ownsFile = true): RenderedFile {
  switch (file) {
    case "Dockerfile":
      return { path: file, strategy: "whole", content: dockerfile(plan) };
    case ".dockerignore":
      return { path: file, strategy: "whole", content: renderTemplate("common/dockerignore.hbs", { languageSections: languageIgnoreSections(plan.answers) }) };
    case "docker-compose.yml":
      return { path: file, strategy: "whole", content: renderCompose(plan) };
    case "docker-compose.dev.yml":
      return { path: file, strategy: "whole", content: renderComposeDev(plan) };
    case "env.example":
      return { path: file, strategy: "whole", content: renderTemplate("common/env.example.hbs", { env: plan.env, secret: buildSecretFor(plan.answers) }) };
    case "Makefile":
      return { path: file, strategy: "managed-block", content: renderTemplate("common/Makefile.hbs", makefileView(plan, ownsFile)) };
    case "README.Docker.md":
      return { path: file, strategy: "whole", content: renderTemplate("common/README.Docker.md.hbs", readmeView(plan)) };
    case ".gitignore":
      // Only the block is ours: .env and secrets never reach git (RULEBOOK ENV-DOTENV-IGNORED).
      // With a starter, a new .gitignore also gets the language's lines, above the block.
      return {
        path: file,
        strategy: "managed-block",
        content: GITIGNORE_LINES.join("\n") + "\n",
        ...(plan.starter ? { initial: plan.starter.gitignore.join("\n") + "\n" } : {}),
      };
    case ".docker-scaffold.yml":
      return { path: file, strategy: "whole", content: renderAnswersFile(plan) };
  }
}

/** The output files, then the starter app's files (if any). */
export function renderPlan(plan: Plan, ownership: Partial<Record<OutputFile, boolean>> = {}): RenderedFile[] {
  const outputs = plan.files.map((f) => renderFile(plan, f, ownership[f] ?? true));
  return plan.starter ? [...outputs, ...renderStarter(plan.starter)] : outputs;
}
