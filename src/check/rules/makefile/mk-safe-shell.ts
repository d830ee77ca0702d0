// MK-SAFE-SHELL: recipes run in bash with -eu -o pipefail.
import { defineRule } from "../../rule.js";

export const mkSafeShell = defineRule({
  id: "MK-SAFE-SHELL",
  severity: "low",
  target: "makefile",
  on: "makefile",
  title: "`SHELL := bash` and `.SHELLFLAGS := -eu -o pipefail -c`",
  why: "By default make runs /bin/sh without -e or pipefail, so a failing step in a piped recipe line goes unnoticed.",
  fix: "Add `SHELL := bash` and `.SHELLFLAGS := -eu -o pipefail -c` near the top.",
  refs: { hadolint: "DL4006 (analog)" },
  check(model) {
    const shell = [...model.variables].reverse().find((v) => v.name === "SHELL");
    const flags = [...model.variables].reverse().find((v) => v.name === ".SHELLFLAGS");
    const hits = [];
    if (!shell || !/(^|\/|\s)bash$/.test(shell.value.trim())) hits.push({ line: shell?.line ?? 1, message: "SHELL is not bash" });
    const f = flags?.value ?? "";
    if (!flags || !/-\w*e/.test(f) || !/pipefail/.test(f) || !/-\w*c\b/.test(f)) hits.push({ line: flags?.line ?? 1, message: ".SHELLFLAGS does not set -e -o pipefail -c" });
    return hits;
  },
});
