// DI-EXCLUDE-VCS: .git (and .hg/.svn) stay out of the build context.
import { defineRule } from "../../rule.js";
import { notIgnored } from "../../parse/dockerignore.js";

export const diExcludeVcs = defineRule({
  id: "DI-EXCLUDE-VCS",
  severity: "medium",
  target: "dockerignore",
  on: "dockerignore",
  title: "The context excludes .git",
  why: ".git holds the whole history (including secrets once committed and removed) and busts the build cache on every commit.",
  fix: "Add `.git` (and `.hg`, `.svn` if used) to .dockerignore.",
  refs: { dockle: "DKL-LI-0003" },
  check(model) {
    return notIgnored(model, [".git", ".git/config"]).length ? [{ line: 1, message: ".git is sent to the builder" }] : [];
  },
});
