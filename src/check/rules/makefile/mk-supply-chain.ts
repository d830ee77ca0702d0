// MK-SUPPLY-CHAIN: buildx builds record provenance and an SBOM.
import { defineRule } from "../../rule.js";
import { dockerCalls } from "./recipes.js";

export const mkSupplyChain = defineRule({
  id: "MK-SUPPLY-CHAIN",
  severity: "info",
  target: "makefile",
  on: "makefile",
  title: "`docker buildx build --provenance=true --sbom=true`",
  why: "Provenance and SBOM attestations let users verify how the image was built and what is inside it.",
  fix: "Add `--provenance=true --sbom=true` to `docker buildx build`.",
  refs: { owasp: "#13" },
  check(model) {
    return dockerCalls(model)
      .filter((c) => c.kind === "buildx" && (!/--provenance(=|\s+)(true|mode=max|mode=min)/.test(c.text) || !/--sbom(=|\s+)true/.test(c.text)))
      .map((c) => ({ line: c.line, message: "buildx build without --provenance=true --sbom=true" }));
  },
});
