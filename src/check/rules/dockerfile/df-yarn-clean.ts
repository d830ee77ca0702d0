// DF-YARN-CLEAN: `yarn cache clean` after `yarn install`, or a yarn cache mount.
import { defineRule } from "../../rule.js";

export const dfYarnClean = defineRule({
  id: "DF-YARN-CLEAN",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "`yarn cache clean` after `yarn install` (or a cache mount)",
  why: "Yarn's offline cache ends up in the layer and doubles the size of node_modules in the image.",
  fix: "`yarn install --frozen-lockfile && yarn cache clean`, or `RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile`.",
  refs: { hadolint: "DL3060" },
  check(model) {
    return model.runs
      .filter((r) => r.shell.commands.some((c) => c.name === "yarn" && c.args[0] === "install"))
      .filter((r) => !r.shell.commands.some((c) => c.name === "yarn" && c.args[0] === "cache" && c.args[1] === "clean"))
      .filter((r) => !r.mounts.some((m) => m.type === "cache" && /yarn/.test(m.target ?? m.dst ?? "")))
      .map((r) => ({ line: r.instr.line, message: "yarn install without yarn cache clean" }));
  },
});
