// The generator's own name and version, from package.json.
import { PACKAGE } from "./package-root.js";

export const GENERATOR = { name: PACKAGE.name, version: PACKAGE.version } as const;
