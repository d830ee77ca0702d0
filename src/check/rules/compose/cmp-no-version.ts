// CMP-NO-VERSION: no top-level `version:`.
import { defineRule } from "../../rule.js";

export const cmpNoVersion = defineRule({
  id: "CMP-NO-VERSION",
  severity: "low",
  target: "compose",
  on: "compose",
  title: "No top-level `version:` (obsolete in the Compose Specification)",
  why: "Compose v2 ignores it and warns; it suggests a file format that no longer exists.",
  fix: "Delete the `version:` line.",
  refs: { dclint: "no-version-field" },
  check(model) {
    return model.data && "version" in model.data ? [{ line: model.lineOf("version"), message: "the version: key is obsolete" }] : [];
  },
});
