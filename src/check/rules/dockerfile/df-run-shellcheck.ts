// DF-RUN-SHELLCHECK: shell-form RUN bodies are shellcheck-clean. checkTexts stays pure:
// the rule runs only when a shellcheck runner is supplied in the config (checkPaths
// supplies one when the `shellcheck` binary is installed; see shellcheck-runner.ts).
import { execFormWords, type RunInfo } from "../../parse/dockerfile.js";
import { defineRule } from "../../rule.js";
import type { Hit, ShellcheckRequest } from "../../types.js";
import { stageChain } from "./stages.js";

export const dfRunShellcheck = defineRule({
  id: "DF-RUN-SHELLCHECK",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "RUN bodies are shellcheck-clean",
  why: "Quoting mistakes, unused globs and unchecked `cd` in RUN lines build fine and fail later, in another environment or with another file name.",
  fix: "Apply shellcheck's suggestion (usually: quote the variable, `\"${VAR}\"`).",
  refs: { hadolint: "SC1000-SC2999 (shellcheck, passed through)" },
  check(model, ctx) {
    const shellcheck = ctx.config.shellcheck;
    if (!shellcheck) return [];
    const requests: (ShellcheckRequest & { line: number })[] = [];
    for (const run of model.runs) {
      if (run.execForm || !run.script.trim()) continue;
      // A heredoc RUN: the parsed body is the script; otherwise read the file's own lines.
      const heredoc = /<<-?\s*["']?[A-Za-z_]/.test(model.file.lines[run.instr.line - 1] ?? "");
      const script = heredoc ? run.script : rawBody(model.file.lines, run);
      if (script) requests.push({ script, shell: shellOf(run), line: run.instr.line });
    }
    const results = shellcheck.batch ? shellcheck.batch(requests) : requests.map((r) => shellcheck(r.script, r.shell));
    const hits: Hit[] = [];
    requests.forEach((req, i) => {
      for (const issue of results[i] ?? []) hits.push({ line: req.line, message: `SC${issue.code} (${issue.level}): ${issue.message}` });
    });
    return hits;
  },
});

/**
 * The RUN body as the shell gets it, from the file's own lines (dockerfile-ast drops a
 * trailing `\;`, which `find -exec ... \;` needs): continuations joined, comment and empty lines
 * dropped (as Docker does), the keyword and RUN flags removed.
 */
function rawBody(lines: readonly string[], run: RunInfo): string {
  const [first = "", ...rest] = lines.slice(run.instr.line - 1, run.instr.endLine);
  const text = [first, ...rest.filter((l) => !/^\s*(#|$)/.test(l))].join("\n").replace(/\\\r?\n/g, " ");
  return text.replace(/^\s*RUN\s+/i, "").replace(/^(--\S+\s+)+/, "").trim();
}

/** bash when the stage's SHELL is bash, else sh (what /bin/sh -c runs). */
function shellOf(run: RunInfo): "sh" | "bash" {
  const stage = run.instr.stage;
  if (!stage) return "sh";
  const shells = stageChain(stage).flatMap((s) => s.instructions).filter((i) => i.keyword === "SHELL" && i.line < run.instr.line);
  const words = shells.length ? execFormWords(shells[shells.length - 1]!) : undefined;
  return words && /bash$/.test(words[0] ?? "") ? "bash" : "sh";
}
