// YAML as answers are written by hand: `runtimeVersion: 3.10` means the version "3.10",
// not the number 3.1, so version values keep the text they were written with.
import { isScalar, parseDocument, visit } from "yaml";

/** Parse YAML; throws the first error (as `yaml.parse` does). */
export function parseAnswersYaml(text: string): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length) throw doc.errors[0];
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "runtimeVersion" && isScalar(pair.value) && typeof pair.value.value === "number") {
        pair.value.value = pair.value.source ?? String(pair.value.value);
      }
    },
  });
  return doc.toJS();
}
