// `npm run build` runs this after tsc: what can be compiled ahead of a run is compiled
// here, into dist/, so that a run does not pay for it (bench/README.md has the numbers).
// Each output carries the hash of its source and is ignored once the source changes.
import { writePrecompiledValidator } from "./check/rules/compose/precompile-schema.js";
import { writePrecompiled } from "./render/precompile.js";

writePrecompiled();
writePrecompiledValidator();
