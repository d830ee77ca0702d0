// .docker-scaffold.yml: what a re-run needs to reproduce the output. Only the answers
// the user set are recorded (flags, --set, --answers, prompts), apart from the preset,
// so a later change to the preset or to a default still reaches the repository.
import { Document } from "yaml";
import { ANSWER_KEYS } from "../model/answers.js";
import type { Plan } from "../model/plan.js";

export const ANSWERS_FILE = ".docker-scaffold.yml";

export function renderAnswersFile(plan: Plan): string {
  const answers: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) if (plan.explicit[key] !== undefined) answers[key] = plan.explicit[key];
  const data: Record<string, unknown> = {
    apiVersion: "docker-scaffold/v1",
    kind: "Answers",
    generator: `${plan.generator.name}@${plan.generator.version}`,
  };
  if (plan.preset) data.preset = { name: plan.preset.name, version: plan.preset.version };
  data.answers = answers;
  if (plan.only) data.only = plan.only;
  Object.assign(data, plan.answersFileExtra);
  const doc = new Document(data);
  doc.commentBefore =
    " docker-scaffold answers. `npx docker-scaffold --yes` renders the same files from them;\n" +
    " edit an answer here (or pass --set key=value) and re-run to change the output.";
  return doc.toString({ lineWidth: 0 });
}
