// DF-NO-CURL-PIPE-SH: no `curl ... | sh` ("curl bashing").
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";

const FETCHERS = new Set(["curl", "wget"]);
const INTERPRETERS = /^(sh|bash|ash|dash|zsh|ksh|python[0-9.]*|perl|ruby|node|php)$/;

export const dfNoCurlPipeSh = defineRule({
  id: "DF-NO-CURL-PIPE-SH",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "No `curl | sh`: downloaded scripts are not piped into an interpreter",
  why: "Whatever the server returns that day runs as root in the build, unverified and unreviewable; a truncated download runs half a script.",
  fix: "Download to a file, verify its checksum (`sha256sum -c`), then run it; better, install a pinned package or COPY --from an official image.",
  refs: { hadolint: "DL4006 (pipefail only)", cis: "4.11", owasp: "#9" },
  check(model) {
    const hits: Hit[] = [];
    for (const run of model.runs) {
      if (run.execForm) continue;
      const cmds = run.shell.commands;
      const byPipe = new Map<number, typeof cmds>();
      for (const c of cmds) byPipe.set(c.pipeline, [...(byPipe.get(c.pipeline) ?? []), c]);
      let found = false;
      for (const pipe of byPipe.values()) {
        const first = pipe[0];
        const last = pipe[pipe.length - 1];
        if (pipe.length > 1 && first && last && FETCHERS.has(first.name) && INTERPRETERS.test(last.name)) found = true;
      }
      const shellC = cmds.some((c) => INTERPRETERS.test(c.name) && c.args.some((a) => /\b(curl|wget)\b/.test(a)) && c.args.includes("-c"));
      const procSub = /\b(ba|z|da|k)?sh\s+<\(\s*(curl|wget)\b/.test(run.script);
      if (found || shellC || procSub) hits.push({ line: run.instr.line, message: "a downloaded script is piped straight into a shell" });
    }
    return hits;
  },
});
