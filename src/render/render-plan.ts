// renderPlan: Plan -> RenderedFile[]. Pure: no fs, no clock, no env.
import type { OutputFile, Plan, RenderedFile } from "../model/plan.js";
import { renderStarter } from "../starters/render-starter.js";
import { renderAnswersFile } from "./answers-file.js";
import { renderGithubWorkflow } from "./ci-github.js";
import { buildSecretFor } from "./build-secrets.js";
import { COMPOSE_DEV_FILE, renderCompose, renderComposeDev } from "./compose.js";
import { devTarget } from "../model/dev-target.js";
import { languageIgnoreSections } from "./dockerignore.js";
import { renderTemplate } from "./engine.js";
import { renderPackTemplate } from "./layered-engine.js";
import { hardeningRows } from "./hardening.js";
import { makefileView } from "./makefile.js";
import { renderDependabot, renderRenovate } from "./update-bot.js";
import { javaView, rustView, stackNotes } from "./compiled-views.js";
import { renderGrafanaDatasource, renderPrometheusConfig } from "./monitoring.js";
import { servicesView } from "./services-view.js";
import { commonView, goView, nodeView, pythonView } from "./view.js";

/** A pack's answers to its questions, as `{{values.<name>}}` in every template (when a pack asks any). */
function withValues(plan: Plan, view: object): object {
  return plan.sharing?.values ? { ...view, values: plan.sharing.values } : view;
}

function dockerfile(plan: Plan): string {
  const layers = plan.sharing?.layers;
  const view = (v: object) => withValues(plan, withRegistry(v, plan.sharing?.imageRegistry ?? null));
  switch (plan.answers.language) {
    case "python":
      return renderTemplate("python/Dockerfile.hbs", view(pythonView(plan)), { layers });
    case "node":
      return renderTemplate("node/Dockerfile.hbs", view(nodeView(plan)), { layers });
    case "go":
      return renderTemplate("go/Dockerfile.hbs", view(goView(plan)), { layers });
    case "rust":
      return renderTemplate("rust/Dockerfile.hbs", view(rustView(plan)), { layers });
    case "java":
      return renderTemplate("java/Dockerfile.hbs", view(javaView(plan)), { layers });
    default:
      throw new Error(`no Dockerfile template for ${plan.answers.language}`);
  }
}

/** A template pack's images.registry in front of every base image (`registry.acme.example/hub/python:...`). */
function withRegistry(view: object, registry: string | null): object {
  const images = (view as { images?: Record<string, string> }).images;
  if (!registry || !images) return view;
  const prefix = registry.replace(/\/+$/, "") + "/";
  return { ...view, images: Object.fromEntries(Object.entries(images).map(([k, v]) => [k, prefix + v])) };
}

function readmeView(plan: Plan): object {
  const a = plan.answers;
  return {
    ...commonView(plan),
    ...servicesView(a.services, a.security.bindAddress, [a.port]),
    hardening: hardeningRows(a),
    stackNotes: stackNotes(plan),
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
      return { path: file, strategy: "whole", content: renderTemplate("common/dockerignore.hbs", withValues(plan, { languageSections: languageIgnoreSections(plan.answers) }), { layers: plan.sharing?.layers }) };
    case "docker-compose.yml":
      return { path: file, strategy: "whole", content: renderCompose(plan) };
    case "docker-compose.dev.yml":
      return { path: file, strategy: "whole", content: renderComposeDev(plan) };
    case "env.example":
      return { path: file, strategy: "whole", content: renderTemplate("common/env.example.hbs", withValues(plan, { env: plan.env, secret: buildSecretFor(plan.answers) }), { layers: plan.sharing?.layers }) };
    case "Makefile":
      return { path: file, strategy: "managed-block", content: renderTemplate("common/Makefile.hbs", withValues(plan, makefileView(plan, ownsFile)), { layers: plan.sharing?.layers }) };
    case "README.Docker.md":
      return { path: file, strategy: "whole", content: renderTemplate("common/README.Docker.md.hbs", withValues(plan, readmeView(plan)), { layers: plan.sharing?.layers }) };
    case ".gitignore":
      // Only the block is ours: .env and secrets never reach git (RULEBOOK ENV-DOTENV-IGNORED).
      // With a starter, a new .gitignore also gets the language's lines, above the block.
      return {
        path: file,
        strategy: "managed-block",
        content: GITIGNORE_LINES.join("\n") + "\n",
        ...(plan.starter ? { initial: plan.starter.gitignore.join("\n") + "\n" } : {}),
      };
    case ".github/workflows/docker.yml":
      return { path: file, strategy: "whole", content: renderGithubWorkflow(plan) };
    case "renovate.json":
      return { path: file, strategy: "whole", content: renderRenovate(plan) };
    case ".github/dependabot.yml":
      return { path: file, strategy: "whole", content: renderDependabot(plan) };
    case "prometheus/prometheus.yml":
      return { path: file, strategy: "whole", content: renderPrometheusConfig([{ name: plan.answers.name, port: plan.answers.port }], plan.generator.name) };
    case "grafana/provisioning/datasources/prometheus.yml":
      return { path: file, strategy: "whole", content: renderGrafanaDatasource(plan.generator.name) };
    case ".docker-scaffold.yml":
      return { path: file, strategy: "whole", content: renderAnswersFile(plan) };
  }
}

/** The output files, then the starter app's files (if any). */
export function renderPlan(plan: Plan, ownership: Partial<Record<OutputFile, boolean>> = {}): RenderedFile[] {
  const outputs = plan.files.map((f) => renderFile(plan, f, ownership[f] ?? true));
  const packFiles = (plan.sharing?.files ?? []).map((f) => renderPackFile(plan, f));
  return plan.starter ? [...outputs, ...packFiles, ...renderStarter(plan.starter)] : [...outputs, ...packFiles];
}

/** A file a template pack adds: a .hbs source is rendered with the common view, anything else copied. */
function renderPackFile(plan: Plan, f: { path: string; file: string; source: string }): RenderedFile {
  return { path: f.path, strategy: "whole", content: f.file.endsWith(".hbs") ? renderPackTemplate(f.source, f.file, withValues(plan, commonView(plan))) : f.source };
}
