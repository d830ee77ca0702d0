import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** presets/: the built-in presets. */
export const BUILTIN_PRESET_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "presets");
