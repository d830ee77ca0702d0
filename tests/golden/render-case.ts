// Render a golden case in memory (a dry run in a temporary repository holding the case's
// existing files), with the CLI's own argument parsing.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { addInitOptions, initOptions, type InitFlags } from "../../src/cli/commands/init.js";
import { runInit, type InitOptions } from "../../src/init/run-init.js";
import { tempDir } from "../helpers/tmp.js";
import { writeExisting, type GoldenCase } from "./golden-cases.js";

/**
 * Goldens never touch the network: --pin-digests resolves through this stand-in, a digest
 * derived from the reference (tests/unit/registry-resolver.test.ts proves the real resolver).
 */
export const fakeDigest = async (ref: string): Promise<string> => `sha256:${createHash("sha256").update(`golden:${ref}`).digest("hex")}`;

/** Parse init arguments exactly as the CLI does, into runInit options. */
export function renderCaseArgs(args: string[]): InitOptions {
  const cmd = addInitOptions(new Command("init").exitOverride());
  cmd.parse(args, { from: "user" });
  return initOptions(cmd.opts() as InitFlags);
}

export async function renderCase(c: GoldenCase): Promise<Record<string, string>> {
  // The folder is named after the case: detection names the app after its folder.
  const dir = join(tempDir("golden-"), c.name);
  mkdirSync(dir);
  writeExisting(dir, c.existing);
  // Relative paths in the arguments (--answers answers.yaml) are the case's own files.
  const result = await runInit({ dir, cwd: dir, dryRun: true, resolveDigest: fakeDigest, ...renderCaseArgs(c.args) });
  return Object.fromEntries(result.decisions.map((d) => [d.path, d.next]));
}
