// `docker-scaffold detect [dir] [--json]`: what detection found, and why.
import { resolve } from "node:path";
import { detectProject, toDetectJson } from "../../detect/index.js";
import { formatEvidence } from "../../init/summary.js";
import type { CliIo } from "../io.js";

export async function detectAction(dir: string, f: { json?: boolean; app?: string }, io: CliIo): Promise<void> {
  const detection = await detectProject(resolve(io.cwd, dir), { app: f.app });
  io.out(f.json ? JSON.stringify(toDetectJson(detection), null, 2) : formatEvidence(detection));
}
