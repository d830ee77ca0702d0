// .docker-scaffold.yml: what a re-run needs to reproduce the output. Only the answers
// the user set are recorded (flags, --set, --answers, prompts), apart from the preset,
// so a later change to the preset or to a default still reaches the repository.
// `files:` records, for each generated file, how `update` merges it and the sha256 of what
// was last written; the file itself is not listed (it cannot hold its own hash: it is the
// record, rewritten from the answers it holds on every run).
import { Document, isMap, isScalar } from "yaml";
import { ANSWER_KEYS } from "../model/answers.js";
import type { FileRecord, Plan } from "../model/plan.js";

export const ANSWERS_FILE = ".docker-scaffold.yml";

export function renderAnswersFile(plan: Plan, files: Record<string, FileRecord> = {}): string {
  const answers: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) if (plan.explicit[key] !== undefined) answers[key] = plan.explicit[key];
  const data: Record<string, unknown> = {
    apiVersion: "docker-scaffold/v1",
    kind: "Answers",
    generator: `${plan.generator.name}@${plan.generator.version}`,
  };
  if (plan.preset) data.preset = { name: plan.preset.name, version: plan.preset.version, ...(plan.preset.source ? { source: plan.preset.source } : {}) };
  if (plan.sharing?.templates.length) data.templates = plan.sharing.templates;
  data.answers = answers;
  if (plan.multi) {
    // Several apps: `answers:` holds what they share; each app's own answers are under apps:.
    data.answers = Object.fromEntries(ANSWER_KEYS.filter((k) => plan.multi!.shared[k] !== undefined).map((k) => [k, plan.multi!.shared[k]]));
    data.apps = plan.multi.apps.map((app) => ({
      path: app.path,
      answers: Object.fromEntries(ANSWER_KEYS.filter((k) => app.plan.explicit[k] !== undefined).map((k) => [k, app.plan.explicit[k]])),
    }));
  }
  if (plan.only) data.only = plan.only;
  // Resolved once and reused by every re-run (offline, reproducible); Renovate or Dependabot
  // move the Dockerfile's digests on, and `update` keeps their edits.
  if (plan.answers.pinDigests && Object.keys(plan.digests).length) data.digests = plan.digests;
  if (plan.sharing?.resolved.length) data.resolved = plan.sharing.resolved;
  if (plan.sharing?.values && Object.keys(plan.sharing.values).length) data.values = plan.sharing.values;
  if (Object.keys(files).length) data.files = files;
  Object.assign(data, plan.answersFileExtra);
  const doc = new Document(data);
  doc.commentBefore =
    " docker-scaffold answers. `npx docker-scaffold --yes` renders the same files from them;\n" +
    " edit an answer here (or pass --set key=value) and re-run to change the output.";
  const resolvedPair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "resolved") : undefined;
  if (resolvedPair && isScalar(resolvedPair.key)) {
    resolvedPair.key.commentBefore =
      " The exact version of every preset and template pack used (git commit, npm version, sha256\n" +
      " of a local folder): re-runs and CI use these; `--refresh` moves to what the references name now.";
  }
  const filesPair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === "files") : undefined;
  if (filesPair && isScalar(filesPair.key)) {
    filesPair.key.commentBefore =
      " Written by docker-scaffold, not by hand: how `docker-scaffold update` merges each file, and\n" +
      " the sha256 of what it last wrote. The files as last generated (the merge bases) are in\n" +
      " .docker-scaffold/base/: commit that folder too.";
  }
  return doc.toString({ lineWidth: 0 });
}
