#!/usr/bin/env node
// The executable: the only place that ends the process (HOUSE-STYLE habit 8).
import { CommanderError } from "commander";
import { EXIT, ScaffoldError } from "../errors.js";
import { processIo, type CliIo } from "./io.js";
import { buildProgram } from "./program.js";

/** Run the CLI; resolves to the exit code instead of exiting (tests call this). */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv], { from: "user" });
    return io.exitCode ?? EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with code 0; usage errors (already printed) with 2.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof ScaffoldError) {
      io.err(`docker-scaffold: ${err.message}`);
      return err.exitCode;
    }
    io.err(`docker-scaffold: this is a bug, please report it.\n${(err as Error)?.stack ?? String(err)}`);
    return EXIT.internal;
  }
}

const isMain = process.argv[1] && import.meta.url === (await import("node:url")).pathToFileURL((await import("node:fs")).realpathSync(process.argv[1])).href;
if (isMain) {
  process.exitCode = await runCli(process.argv.slice(2));
}
