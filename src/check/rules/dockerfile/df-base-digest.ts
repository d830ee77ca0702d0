// DF-BASE-DIGEST (opt-in): external base images are pinned by digest too.
import { DIGEST } from "../../parse/image-ref.js";
import { defineRule } from "../../rule.js";
import { isScratch } from "./stages.js";

export const dfBaseDigest = defineRule({
  id: "DF-BASE-DIGEST",
  severity: "info",
  target: "dockerfile",
  on: "dockerfile",
  optIn: true,
  title: "Base image pinned by digest (`image:tag@sha256:...`)",
  why: "A tag can be re-pushed; a digest cannot. Off by default: digests cannot be resolved offline and need a bot (Renovate, Dependabot) to stay current.",
  fix: "Append the digest and keep the tag for readers: `FROM python:3.12-slim@sha256:<digest>`.",
  refs: { cis: "4.2, 5.28", owasp: "#13" },
  check(model) {
    return model.stages
      .filter((s) => s.ref && !s.parent && !isScratch(s.ref) && !DIGEST.test(s.ref.digest ?? ""))
      .map((s) => ({ line: s.from.line, message: `FROM ${s.imageExpanded} is not pinned by sha256 digest` }));
  },
});
