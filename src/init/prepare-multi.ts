// A repository with several apps (issue 6): one Dockerfile and .dockerignore per app, in its
// folder, and one compose file, env.example, Makefile and README at the root that wire them
// together. Each app is resolved as a single app would be (its recorded answers, then
// detection, then defaults); what they share (services, security) is answered once.
// .docker-scaffold.yml records the shared answers under `answers:` and each app's own under
// `apps:`, so a re-run and `update` reproduce the same files.
import { existsSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { detectProject, type Detection } from "../detect/index.js";
import { UsageError } from "../errors.js";
import { ANSWER_FLAGS, type PartialAnswers } from "../model/answers.js";
import { buildPlan } from "../model/build-plan.js";
import { serviceEnvEntries } from "../model/env-entries.js";
import { appHintsFromExtra } from "../model/hints.js";
import { OUTPUT_FILES, SERVICE_OUTPUT_FILES, outputApplies, type AppPlan, type EnvEntry, type Plan, type RenderedFile } from "../model/plan.js";
import { resolveAnswers, sanitizeName, type AnswerLayer } from "../model/resolve.js";
import { parseSetValues } from "../model/set-values.js";
import { orderedServices } from "../model/services.js";
import { renderStack } from "../render/compose.js";
import { renderTemplate } from "../render/engine.js";
import { secretsView } from "../render/makefile.js";
import { renderGrafanaDatasource, renderPrometheusConfig } from "../render/monitoring.js";
import { renderFile } from "../render/render-plan.js";
import { servicesView } from "../render/services-view.js";
import { commonView, stackLabel } from "../render/view.js";
import { GENERATOR } from "../version.js";
import { readCurrent } from "../write/apply.js";
import { makefileTargetsOutsideBlock } from "../write/managed-block.js";
import { detectedAnswers, ownsWholeFile, readOptional, type PrepareOptions, type Prepared } from "./prepare.js";
import { readRecordedPath, type Recorded } from "./recorded.js";

/** Answers every app shares: the only ones flags, --set and --answers may give here. */
const SHARED_KEYS = ["services", "security"] as const;

/** An app folder as recorded: relative, / separators, no leading ./ or trailing /. */
export function normaliseAppPath(path: string): string {
  const p = path.replace(/\\/g, "/").replace(/^\.\/+/, "").replace(/\/+$/, "");
  return p === "" ? "." : p;
}

function sharedFrom(source: string, answers: PartialAnswers): PartialAnswers {
  const other = Object.keys(answers).filter((k) => !(SHARED_KEYS as readonly string[]).includes(k) && answers[k as keyof PartialAnswers] !== undefined);
  if (other.length) {
    throw new UsageError(
      `${source}: ${other.map((k) => `${k} (${ANSWER_FLAGS[k as keyof typeof ANSWER_FLAGS] ?? k})`).join(", ")} would apply to every app of this repository.\n` +
        "fix: give only services and security here; each app's own answers go under apps: in .docker-scaffold.yml (run init once, edit, then `docker-scaffold update`), or containerise one app with a single --app <path>",
    );
  }
  return answers;
}

export async function prepareMulti(root: string, options: PrepareOptions, appPaths: readonly string[], recorded: Recorded | null): Promise<Prepared> {
  if (options.preset) throw new UsageError("--preset describes one app; this repository has several.\nfix: drop --preset (each app is detected), or containerise one app with --app <path> --preset <name>");
  if (options.only?.length) throw new UsageError("--only is not supported for several apps yet.\nfix: drop --only");
  if (options.starter === true) throw new UsageError("--starter writes one app where there is none; this repository has several.\nfix: drop --starter");
  if (options.values?.length) throw new UsageError("--value answers a template pack's question, and template packs are not supported for several apps yet.\nfix: drop --value");
  if (options.templates?.length) throw new UsageError("--template (template packs) is not supported for several apps yet.\nfix: drop --template, or containerise one app with --app <path> --template <ref>");
  const paths = [...new Set(appPaths.map(normaliseAppPath))];
  for (const p of paths) {
    const full = resolve(root, p);
    if (p.split("/").includes("..") || !existsSync(full) || !statSync(full).isDirectory()) {
      throw new UsageError(`--app ${p}: not a folder inside ${root}.\nfix: name each app's folder relative to the repository root`);
    }
  }

  // Shared answers: flags, --set, --answers (services and security only), then the record's.
  const sharedLayers: AnswerLayer[] = [
    { source: "flag", explicit: true, answers: sharedFrom("flags", options.flags ?? {}) },
    { source: "--set", explicit: true, answers: sharedFrom("--set", parseSetValues(options.set ?? [])) },
  ];
  // --answers: the format of .docker-scaffold.yml (shared answers, and each app's under apps:).
  const answersPath = options.answersFile ? resolve(options.cwd ?? process.cwd(), options.answersFile) : null;
  const fromFile = answersPath ? await readRecordedPath(answersPath) : null;
  if (answersPath && !fromFile) throw new UsageError(`--answers ${options.answersFile}: no such file`);
  if (fromFile) sharedLayers.push({ source: "--answers", explicit: true, answers: sharedFrom("--answers", fromFile.answers) });
  if (recorded) sharedLayers.push({ source: "recorded", explicit: true, answers: sharedFrom(".docker-scaffold.yml answers", recorded.answers) });
  const shared: Record<string, unknown> = {};
  for (const layer of [...sharedLayers].reverse()) {
    for (const key of SHARED_KEYS) {
      const v = layer.answers[key];
      if (v === undefined) continue;
      shared[key] = key === "security" && typeof v === "object" && v !== null ? { ...((shared.security as object) ?? {}), ...(v as object) } : v;
    }
  }

  const apps: { path: string; plan: Plan; detection: Detection | null; resolved: ReturnType<typeof resolveAnswers> }[] = [];
  for (const path of paths) {
    const detection = options.detect === false ? null : await detectProject(root, { app: path });
    const ownOf = (r: Recorded | null) => r?.apps?.find((a) => normaliseAppPath(a.path) === path)?.answers ?? {};
    const layers: AnswerLayer[] = [
      { source: "--answers", explicit: true, answers: ownOf(fromFile) },
      { source: "recorded", explicit: true, answers: ownOf(recorded) },
      // Shared answers reach every app, recorded once (at the root), not per app.
      // The compose service (and image) is named after the app's folder, not its package name.
      { source: "shared", explicit: false, answers: { ...(shared.security ? { security: shared.security } : {}), services: [], name: sanitizeName(basename(resolve(root, path))) } },
      { source: "detected", explicit: false, answers: detection ? detectedAnswers(detection) : {} },
    ];
    const hints = detection ? appHintsFromExtra(detection.extra) : {};
    const resolved = resolveAnswers(layers, { dirName: basename(resolve(root, path)), hints });
    const plan = buildPlan({ resolved, preset: null, generator: GENERATOR, hints, appEnv: detection?.env ?? [] });
    apps.push({ path, plan, detection, resolved });
  }
  const names = apps.map((a) => a.plan.answers.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new UsageError(`Two apps would both be the compose service ${dup}.\nfix: give one another name under apps: in .docker-scaffold.yml (name: ...)`);

  // One published host port each: the container port, or the next free one.
  const used = new Set<number>();
  const appPlans: AppPlan[] = apps.map((a) => {
    let hostPort = a.plan.answers.port;
    while (used.has(hostPort)) hostPort++;
    used.add(hostPort);
    const service = a.plan.answers.name;
    return { path: a.path, plan: a.plan, service, hostPortVar: `${service.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}_HOST_PORT`, hostPort };
  });

  const services = orderedServices(Array.isArray(shared.services) ? (shared.services as string[]) : []);
  const first = apps[0]!;
  const bind = first.plan.answers.security.bindAddress;
  const serviceEnv = serviceEnvEntries(services, bind, appPlans.map((a) => a.hostPort));
  // The services' connection variables (DATABASE_URL...) win over an app's own detected entry of that name.
  const serviceNames = new Set(serviceEnv.map((e) => e.name));
  const appEnv = (app: AppPlan): EnvEntry[] => [
    ...app.plan.env.filter((e) => e.name !== "HOST_PORT" && !serviceNames.has(e.name)),
    ...serviceEnv.filter((e) => e.compose !== null),
  ];
  // env.example: each app's host port and variables (a name two apps read is listed once), then the services'.
  const env: EnvEntry[] = [];
  for (const app of appPlans) {
    env.push({ name: app.hostPortVar, value: String(app.hostPort), comment: `Port on ${bind} that docker compose publishes ${app.service} on (the container listens on ${app.plan.answers.port}).`, secret: false, compose: null });
  }
  for (const app of appPlans) {
    for (const e of app.plan.env) {
      if (e.name === "HOST_PORT" || serviceNames.has(e.name) || env.some((x) => x.name === e.name)) continue;
      env.push({ ...e, comment: `${app.service}: ${e.comment}` });
    }
  }
  for (const e of serviceEnv) if (!env.some((x) => x.name === e.name)) env.push(e);

  const rootPlan: Plan = {
    ...first.plan,
    answers: { ...first.plan.answers, name: sanitizeName(basename(root)), services },
    explicit: {},
    files: [...OUTPUT_FILES.filter((f) => f !== "Dockerfile" && f !== ".dockerignore"), ...SERVICE_OUTPUT_FILES].filter((f) => outputApplies(f, services)),
    env,
    multi: { apps: appPlans, shared },
  };
  const makefileText = await readOptional(join(root, "Makefile"));
  const generator = `${GENERATOR.name} ${GENERATOR.version}`;
  const common = commonView(first.plan);
  const appViews = appPlans.map((a) => ({
    service: a.service,
    path: a.path,
    port: a.plan.answers.port,
    hostPort: a.hostPort,
    hostPortVar: a.hostPortVar,
    healthPath: a.plan.answers.healthPath,
    hasShell: a.plan.answers.base !== "distroless",
    stackLabel: stackLabel(a.plan.answers),
  }));
  const secrets = secretsView(services);
  const taken = new Set(makefileText ? makefileTargetsOutsideBlock(makefileText) : []);
  const t = Object.fromEntries(["help", "lint", "scan"].map((n) => [n, taken.has(n) ? `docker-${n}` : n]));
  const perApp = appViews.flatMap((a) => [`build-${a.service}`, `up-${a.service}`, `logs-${a.service}`, `restart-${a.service}`, ...(a.hasShell ? [`shell-${a.service}`] : []), `health-${a.service}`]);
  const phony = [t.help, "compose-up", "compose-down", "compose-logs", "compose-ps", "docker-build", ...perApp, ...(secrets ? ["secrets"] : []), t.lint, t.scan];
  const view = {
    generator,
    names: names.join(" "),
    bind,
    versions: common.versions,
    apps: appViews,
    first: appViews[0]!.service,
    firstPort: appViews[0]!.port,
    secrets,
    t,
    phony: phony.join(" "),
    ownsFile: ownsWholeFile(makefileText),
    ...servicesView(services, bind, appPlans.map((a) => a.hostPort)),
  };

  const prefix = (path: string, file: string) => (path === "." ? file : `${path}/${file}`);
  const rendered: RenderedFile[] = [];
  for (const a of appPlans) {
    for (const f of ["Dockerfile", ".dockerignore"] as const) rendered.push({ ...renderFile(a.plan, f), path: prefix(a.path, f) });
  }
  const stack = appPlans.map((a) => ({ plan: a.plan, context: a.path === "." ? "." : `./${a.path}`, hostPortVar: a.hostPortVar, hostPort: a.hostPort, env: appEnv(a) }));
  for (const file of rootPlan.files) {
    switch (file) {
      case "docker-compose.yml":
        rendered.push({ path: file, strategy: "whole", content: renderStack(stack, services, GENERATOR.name) });
        break;
      case "env.example":
        rendered.push({ path: file, strategy: "whole", content: renderTemplate("common/env.example.hbs", { env }) });
        break;
      case "Makefile":
        rendered.push({ path: file, strategy: "managed-block", content: renderTemplate("common/Makefile.multi.hbs", view) });
        break;
      case "README.Docker.md":
        rendered.push({ path: file, strategy: "whole", content: renderTemplate("common/README.multi.md.hbs", view) });
        break;
      case "prometheus/prometheus.yml":
        rendered.push({ path: file, strategy: "whole", content: renderPrometheusConfig(appPlans.map((a) => ({ name: a.service, port: a.plan.answers.port })), GENERATOR.name) });
        break;
      case "grafana/provisioning/datasources/prometheus.yml":
        rendered.push({ path: file, strategy: "whole", content: renderGrafanaDatasource(GENERATOR.name) });
        break;
      case ".gitignore":
        rendered.push(renderFile(rootPlan, file));
        break;
    }
  }
  const current = await readCurrent(root, [...rendered.map((f) => f.path), ".docker-scaffold.yml"]);
  return {
    dir: root,
    detection: first.detection,
    recorded,
    resolved: first.resolved,
    plan: rootPlan,
    rendered,
    writesAnswersFile: true,
    current,
    starter: null,
    existingApp: undefined,
    refuseStarter: () => new UsageError("--starter: this repository already has apps"),
  };
}

