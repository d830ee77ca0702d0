// renderPlan: Plan -> RenderedFile[]. Pure: no fs, no clock, no env.
import type { OutputFile, Plan, RenderedFile } from "../model/plan.js";
import { renderStarter } from "../starters/render-starter.js";
import { renderAnswersFile } from "./answers-file.js";
import { renderCompose } from "./compose.js";
import { languageIgnoreSections } from "./dockerignore.js";
import { renderTemplate } from "./engine.js";
import { hardeningRows } from "./hardening.js";
import { makefileView } from "./makefile.js";
import { renderGrafanaDatasource, renderPrometheusConfig } from "./monitoring.js";
import { servicesView } from "./services-view.js";
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
    case "env.example":
      return { path: file, strategy: "whole", content: renderTemplate("common/env.example.hbs", { env: plan.env }) };
    case "Makefile":
      return { path: file, strategy: "managed-block", content: renderTemplate("common/Makefile.hbs", makefileView(plan, ownsFile)) };
    case "README.Docker.md":
      return { path: file, strategy: "whole", content: renderTemplate("common/README.Docker.md.hbs", { ...commonView(plan), ...servicesView(plan.answers.services, plan.answers.security.bindAddress, [plan.answers.port]), hardening: hardeningRows(plan.answers) }) };
    case ".gitignore":
      // Only the block is ours: .env and secrets never reach git (RULEBOOK ENV-DOTENV-IGNORED).
      // With a starter, a new .gitignore also gets the language's lines, above the block.
      return {
        path: file,
        strategy: "managed-block",
        content: GITIGNORE_LINES.join("\n") + "\n",
        ...(plan.starter ? { initial: plan.starter.gitignore.join("\n") + "\n" } : {}),
      };
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
  return plan.starter ? [...outputs, ...renderStarter(plan.starter)] : outputs;
}
