import { join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";

/** presets/: the built-in presets. */
export const BUILTIN_PRESET_DIR = join(PACKAGE_ROOT, "presets");
