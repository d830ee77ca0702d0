// ENV-DOTENV-IGNORED: `.env` is git-ignored and env.example is not. (The .dockerignore half
// of the rulebook entry is DI-EXCLUDE-SECRETS, so it is not reported twice.)
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";

export const envDotenvIgnored = defineRule({
  id: "ENV-DOTENV-IGNORED",
  severity: "high",
  target: "env",
  on: "env",
  title: "`.env` is in .gitignore (read when present beside the files); env.example is not ignored",
  why: "env.example exists so people copy it to .env and fill in real values: that .env must never be committed or sent to the builder, while env.example must be.",
  fix: "Add `.env` (and `.env.*`, `!.env.example`) to .gitignore and .dockerignore.",
  refs: { cis: "4.10" },
  check(model, ctx) {
    const hits: Hit[] = [];
    const git = ctx.dir.gitignore;
    if (git) {
      if (!git.ignores(".env")) hits.push({ line: 1, message: ".env is not in .gitignore: filled-in secrets can be committed" });
      if (git.ignores(model.file.base)) hits.push({ line: 1, message: `${model.file.base} is git-ignored, so it will not be committed` });
    }
    return hits;
  },
});
