// DF-GO-INSTALL-PIN: `go install pkg@version`.
import { positionalArgs } from "../../parse/shell.js";
import { defineRule } from "../../rule.js";

export const dfGoInstallPin = defineRule({
  id: "DF-GO-INSTALL-PIN",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "`go install` names a version (`pkg@vX.Y.Z`)",
  why: "Without @version go install resolves the newest release at build time, so builds drift and a bad release lands unreviewed.",
  fix: "Pin it: `go install golang.org/x/tools/cmd/goimports@v0.24.0`.",
  refs: { hadolint: "DL3062", cis: "5.28" },
  check(model) {
    const hits = [];
    for (const run of model.runs) {
      for (const c of run.shell.commands) {
        if (c.name !== "go") continue;
        const pos = positionalArgs(c.args, new Set(["-o", "-ldflags", "-tags", "-gcflags", "-mod", "-p"]));
        if (pos[0] !== "install") continue;
        const loose = pos.slice(1).filter((p) => !p.includes("@") && !/^(\.|\/)/.test(p));
        if (loose.length) hits.push({ line: run.instr.line, message: `go install without @version: ${loose.join(", ")}` });
      }
    }
    return hits;
  },
});
