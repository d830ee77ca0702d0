// dockerfile-utils' validator, run once per parsed Dockerfile and shared by the rules
// that read its diagnostics.
import { validate, ValidationSeverity, type ValidatorSettings } from "dockerfile-utils";
import type { DockerfileModel } from "../../parse/dockerfile.js";

type Diagnostics = ReturnType<typeof validate>;

const CACHE = new WeakMap<DockerfileModel, Diagnostics>();
const ALL_WARNINGS: ValidatorSettings = { emptyContinuationLine: ValidationSeverity.WARNING };

export function diagnosticsOf(model: DockerfileModel): Diagnostics {
  let d = CACHE.get(model);
  if (!d) {
    try {
      d = validate(model.file.text, ALL_WARNINGS);
    } catch {
      d = [];
    }
    CACHE.set(model, d);
  }
  return d;
}
