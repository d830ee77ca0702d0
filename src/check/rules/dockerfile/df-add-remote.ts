// DF-ADD-REMOTE: no `ADD <url>` / `ADD git@...` without a pinned --checksum.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { addSources, isRemote } from "./copy-args.js";

export const dfAddRemote = defineRule({
  id: "DF-ADD-REMOTE",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "No `ADD <url>` without `--checksum=`",
  why: "ADD fetches the URL at build time with no integrity check; a compromised or changed file lands in the image unnoticed.",
  fix: "Use `ADD --checksum=sha256:<hash> <url> <dest>`, or download with curl and verify with sha256sum, or COPY --from a pinned image.",
  refs: { hadolint: "DL3020 (local files only)", trivy: "DS-0005 (exempts URLs)", dockle: "CIS-DI-0009", checkov: "CKV_DOCKER_4", cis: "4.9" },
  check(model) {
    const hits: Hit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== "ADD") continue;
      if (instr.flags.some((f) => f.name === "checksum" && (f.value ?? "") !== "")) continue;
      const remote = addSources(instr).filter(isRemote);
      if (remote.length) hits.push({ line: instr.line, message: `ADD fetches ${remote.join(", ")} without --checksum` });
    }
    return hits;
  },
});
