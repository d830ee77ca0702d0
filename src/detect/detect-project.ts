// detectProject: find the app (the directory, or the one sub-folder app, or the one
// asked for), run its language's detector, and lay the result out as a Detection.
import { UsageError } from "../errors.js";
import { findNestedApps, isDeployable, isToolingOnlyNode, markersOf, toCandidate, workspaceRoot, type FolderMarkers } from "./apps.js";
import { AppContext } from "./context.js";
import type { LanguageDetector } from "./detectors.js";
import { redactSecrets } from "./env-vars.js";
import { sanitiseName } from "./names.js";
import { createFsReader, normalizeRel } from "./reader.js";
import { found, notFound, type AppCandidate, type Detection, type FileReader, type Finding, type LanguageResult } from "./types.js";
import { stat } from "node:fs/promises";
import path from "node:path";

export interface DetectOptions {
  /** Read through this instead of the file system (tests, virtual trees). */
  reader?: FileReader;
  /** Detect this sub-folder (relative to dir), as chosen with --app. */
  app?: string;
}

/** Answers no repository states: always null, with a line saying so. */
const CHOSEN_AT_INIT = ["uid", "gid", "base", "security"] as const;
const ANSWER_FIELDS = ["framework", "packageManager", "runtimeVersion", "port", "startCommand", "buildCommand", "healthPath", "name", "services"] as const;

export async function detectProject(dir: string, options: DetectOptions = {}): Promise<Detection> {
  if (!options.reader && !(await stat(dir).then((info) => info.isDirectory()).catch(() => false))) {
    throw new UsageError(`${dir}: not a directory`);
  }
  const reader = options.reader ?? createFsReader(dir);
  const problems: string[] = [];
  const folderName = path.basename(path.resolve(dir));

  if (options.app !== undefined) {
    const app = normalizeRel(options.app);
    if (app === null) throw new UsageError(`--app ${options.app}: must be a folder inside ${dir}`);
    if (app !== "" && !(await reader.exists(app))) throw new UsageError(`--app ${options.app}: no such folder in ${dir}`);
    const markers = await markersOf(reader, app);
    const chosen = await chooseLanguage(reader, markers, problems);
    if (!chosen) return emptyDetection(problems, [], `${app || "."}: no package.json, go.mod, pyproject.toml, requirements.txt or other app manifest`, markers.recognisedOnly);
    const detection = assemble(chosen, [toCandidate(markers, chosen.detector.language)], problems, app === "" ? folderName : lastPart(app));
    if (app !== "") {
      detection.extra.appPath = app;
      detection.evidence.appPath = [`${app}: chosen with --app`];
    }
    return detection;
  }

  const root = await markersOf(reader, "");
  const workspace = await workspaceRoot(reader, "", problems);
  const rootChoice = workspace ? null : await chooseLanguage(reader, root, problems);
  if (rootChoice && score(rootChoice.result) >= 2) {
    return assemble(rootChoice, [toCandidate(root, rootChoice.detector.language)], problems, folderName);
  }
  const nested = await nestedCandidates(reader, workspace !== null, problems);
  if (rootChoice && nested.length === 0) {
    return assemble(rootChoice, [toCandidate(root, rootChoice.detector.language)], problems, folderName);
  }
  // A root that looks like an app only weakly is still a candidate, unless its
  // package.json merely carries tooling for the apps below it.
  const rootIsTooling = rootChoice !== null && root.detectors.length === 1 && rootChoice.detector.language === "node" && (await isToolingOnlyNode(reader, ""));
  const candidates = rootChoice && !rootIsTooling ? [{ markers: root, candidate: toCandidate(root, rootChoice.detector.language) }, ...nested] : nested;

  if (candidates.length === 1) {
    const only = candidates[0]!;
    const chosen = await chooseLanguage(reader, only.markers, problems);
    if (chosen) {
      const detection = assemble(chosen, [only.candidate], problems, lastPart(only.markers.dir));
      detection.extra.appPath = only.markers.dir;
      detection.evidence.appPath = [`${only.markers.dir}: the only app found${workspace ? ` (${workspace})` : rootIsTooling ? " (package.json at the top only holds tooling)" : ""}`];
      return detection;
    }
  }
  const apps = candidates.map((n) => n.candidate);
  const why = candidates.length > 1
    ? `several apps found (${apps.map((a) => a.path).join(", ")}); choose one with --app <path>`
    : workspace ? `${workspace}, and no member looks like a deployable app` : "no app manifest (package.json, go.mod, pyproject.toml, requirements.txt, ...) found";
  return emptyDetection(problems, apps, why, root.recognisedOnly);
}

interface Chosen {
  detector: LanguageDetector;
  result: LanguageResult;
  evidence: string[];
  ctx: AppContext;
}

/** Several languages in one folder (a Django app with a package.json for its assets): the one that looks like the server wins. */
async function chooseLanguage(reader: FileReader, markers: FolderMarkers, problems: string[]): Promise<Chosen | null> {
  const runs: Chosen[] = [];
  for (const { detector, evidence } of markers.detectors) {
    const ctx = new AppContext(reader, markers.dir, problems);
    runs.push({ detector, result: await detector.detect(ctx), evidence, ctx });
  }
  if (runs.length === 0) return null;
  // DETECTORS order (go, python, node) breaks ties: a package.json beside other manifests is usually tooling.
  const best = [...runs].sort((a, b) => score(b.result) - score(a.result))[0]!;
  const others = runs.filter((run) => run !== best).map((run) => `also ${run.evidence.join(", ")}; ${best.detector.language} looks like the app (score ${score(best.result)} vs ${score(run.result)})`);
  return { ...best, evidence: [...best.evidence, ...others] };
}

/** How much a result looks like a runnable server. */
function score(result: LanguageResult): number {
  const framework = result.framework.value && result.framework.value !== "none" ? 3 : 0;
  const runnable = result.startCommand.value || result.extra.appTarget?.value || result.extra.goMain?.value || result.extra.rustBin?.value || result.extra.javaArtifact?.value ? 2 : 0;
  return framework + runnable + (result.port.value ? 1 : 0);
}

async function nestedCandidates(reader: FileReader, isWorkspace: boolean, problems: string[]) {
  const out: { markers: FolderMarkers; candidate: AppCandidate }[] = [];
  for (const markers of await findNestedApps(reader, "", problems)) {
    const languages = markers.detectors.map((d) => d.detector.language);
    const language = languages[0]!;
    if (isWorkspace && languages.length === 1 && !(await isDeployable(reader, markers.dir, language))) continue;
    out.push({ markers, candidate: toCandidate(markers, language) });
  }
  return out;
}

function assemble(chosen: Chosen, apps: AppCandidate[], problems: string[], folderName: string): Detection {
  const { result } = chosen;
  const evidence: Record<string, string[]> = { language: chosen.evidence };
  const answers: Detection["answers"] = {
    language: chosen.detector.language, framework: null, packageManager: null, runtimeVersion: null, port: null,
    startCommand: null, buildCommand: null, healthPath: null, name: null, uid: null, gid: null, base: null, security: null, services: null,
  };
  const name: Finding<string> = result.name.value !== null || result.manifestBroken ? result.name : fallbackName(result.name, folderName);
  const fields: Record<(typeof ANSWER_FIELDS)[number], Finding<unknown>> = { ...result, name };
  for (const key of ANSWER_FIELDS) {
    (answers as unknown as Record<string, unknown>)[key] = fields[key].value;
    if (fields[key].evidence.length > 0) evidence[key] = fields[key].evidence;
  }
  const extra: Record<string, unknown> = {};
  for (const [key, finding] of Object.entries(result.extra)) {
    if (finding.value === null) {
      if (finding.evidence.length > 0) evidence[key] = finding.evidence;
      continue;
    }
    extra[key] = finding.value;
    if (finding.evidence.length > 0) evidence[key] = finding.evidence;
  }
  if (result.env.length > 0) {
    evidence.env = result.env.map((v) => `${v.sources[0]}: reads ${v.name}${v.secret ? " (looks secret)" : ""}${v.sources.length > 1 ? ` (+${v.sources.length - 1} more)` : ""}`);
  }
  for (const key of CHOSEN_AT_INIT) evidence[key] = ["not detectable from the repository; chosen at init (flag, preset or default)"];
  for (const key of Object.keys(evidence)) evidence[key] = evidence[key]!.map(redactSecrets);
  return { answers, env: result.env, evidence, apps, extra, problems: problems.map(redactSecrets) };
}

function fallbackName(missing: Finding<string>, folderName: string): Finding<string> {
  const name = sanitiseName(folderName);
  return name ? found(name, ...missing.evidence, `${folderName}/: the folder name`) : notFound(...missing.evidence);
}

function emptyDetection(problems: string[], apps: AppCandidate[], why: string, recognised: string[]): Detection {
  return {
    answers: {
      language: null, framework: null, packageManager: null, runtimeVersion: null, port: null, startCommand: null,
      buildCommand: null, healthPath: null, name: null, uid: null, gid: null, base: null, security: null, services: null,
    },
    env: [],
    evidence: Object.fromEntries([
      ["language", [why, ...recognised]],
      ...[...ANSWER_FIELDS].map((key) => [key, [apps.length > 1 ? "several apps: detect one with --app <path>" : "no app detected"]]),
      ...CHOSEN_AT_INIT.map((key) => [key, ["not detectable from the repository; chosen at init (flag, preset or default)"]]),
    ]),
    apps,
    extra: {},
    problems,
  };
}

function lastPart(dir: string): string {
  return dir.split("/").at(-1) ?? dir;
}
