// DF-SYNTAX-DIRECTIVE: `# syntax=docker/dockerfile:1` when BuildKit-only features are used.
import { defineRule } from "../../rule.js";

const BUILDKIT_RUN_FLAGS = new Set(["mount", "network", "security"]);
const BUILDKIT_COPY_FLAGS = new Set(["link", "exclude", "parents", "checksum", "keep-git-dir"]);

export const dfSyntaxDirective = defineRule({
  id: "DF-SYNTAX-DIRECTIVE",
  severity: "info",
  target: "dockerfile",
  on: "dockerfile",
  title: "`# syntax=docker/dockerfile:1` first when BuildKit features (--mount, heredocs, COPY --link) are used",
  why: "The directive pins the Dockerfile frontend, so `RUN --mount` and heredocs mean the same on every BuildKit version (and build checks run). Trade-off: the frontend image is pulled at build time.",
  fix: "Make `# syntax=docker/dockerfile:1` the first line.",
  refs: {},
  check(model) {
    if (model.ast.getDirectives().some((d) => d.getName().toLowerCase() === "syntax")) return [];
    const uses = model.instructions.find((i) => {
      if (i.keyword === "RUN" && i.flags.some((f) => BUILDKIT_RUN_FLAGS.has(f.name))) return true;
      if ((i.keyword === "COPY" || i.keyword === "ADD") && i.flags.some((f) => BUILDKIT_COPY_FLAGS.has(f.name))) return true;
      const node = i.node as unknown as { getHeredocs?(): unknown[] };
      return (node.getHeredocs?.() ?? []).length > 0;
    });
    return uses ? [{ line: 1, message: `line ${uses.line} uses a BuildKit feature but the file has no # syntax= directive` }] : [];
  },
});
