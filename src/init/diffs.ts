// Unified diffs of what a run would change. Apart from summary.ts so that `diff` is
// loaded only on the paths that print one (--diff, a conflict), not on every init.
import { createTwoFilesPatch } from "diff";
import type { FileDecision } from "../write/decide.js";

export function formatDiffs(decisions: readonly FileDecision[]): string {
  return decisions
    .filter((d) => d.status !== "identical")
    .map((d) => createTwoFilesPatch(d.current === null ? "/dev/null" : `a/${d.path}`, `b/${d.path}`, d.current ?? "", d.next, "", "", { context: 3 }))
    .join("");
}
