// DF-CONTENT-TRUST (opt-in): the Makefile builds with image signature verification.
// Off by default: Docker is retiring Docker Content Trust (Notary v1).
import { defineRule } from "../../rule.js";

export const dfContentTrust = defineRule({
  id: "DF-CONTENT-TRUST",
  severity: "info",
  target: "makefile",
  on: "makefile",
  optIn: true,
  title: "Builds verify image signatures (DOCKER_CONTENT_TRUST=1, or cosign/notation)",
  why: "Signature verification proves the base image is the one its publisher signed. Off by default: Docker Content Trust (Notary v1) is being phased out; check current Docker guidance.",
  fix: "`export DOCKER_CONTENT_TRUST=1` in the Makefile, or verify bases with `cosign verify`.",
  refs: { dockle: "CIS-DI-0005", cis: "4.5", owasp: "#13" },
  check(model) {
    const text = model.file.text;
    return /DOCKER_CONTENT_TRUST\s*[:?]?=\s*1|cosign\s+verify|notation\s+verify/.test(text) ? [] : [{ line: 1, message: "no image signature verification (DOCKER_CONTENT_TRUST=1 or cosign verify)" }];
  },
});
