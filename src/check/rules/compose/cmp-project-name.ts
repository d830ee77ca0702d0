// CMP-PROJECT-NAME (opt-in): a top-level `name:`. Off by default: docker-compose 1.29 rejects it.
import { defineRule } from "../../rule.js";

export const cmpProjectName = defineRule({
  id: "CMP-PROJECT-NAME",
  severity: "low",
  target: "compose",
  on: "compose",
  optIn: true,
  title: "A top-level `name:`",
  why: "Without it the project name is the directory name, so two checkouts collide. Off by default because docker-compose v1.29 rejects `name:`.",
  fix: "Add `name: myapp` at the top.",
  refs: { dclint: "require-project-name-field" },
  check(model) {
    return model.data && !("name" in model.data) ? [{ line: 1, message: "no top-level name:" }] : [];
  },
});
