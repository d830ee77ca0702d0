// DF-COPY-NOT-ADD: COPY for local files; ADD only to unpack a local archive.
import { defineRule } from "../../rule.js";
import { addSources, ARCHIVE, isRemote } from "./copy-args.js";

export const dfCopyNotAdd = defineRule({
  id: "DF-COPY-NOT-ADD",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "Use COPY, not ADD, for local files",
  why: "ADD also unpacks archives and fetches URLs, so a harmless-looking line can do more than it says; COPY does only what it says.",
  fix: "Replace ADD with COPY (keep ADD only to unpack a local tar archive).",
  refs: { hadolint: "DL3020", trivy: "DS-0005", dockle: "CIS-DI-0009", checkov: "CKV_DOCKER_4", cis: "4.9" },
  check(model) {
    return model.instructions
      .filter((i) => i.keyword === "ADD")
      .filter((i) => addSources(i).some((s) => !isRemote(s) && !ARCHIVE.test(s)))
      .map((i) => ({ line: i.line, message: `ADD ${addSources(i).join(" ")} copies local files: use COPY` }));
  },
});
