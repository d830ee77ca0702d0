// The options of `update`, apart from its action so that building the command tree loads
// no merge code (HOUSE-STYLE habit 13).
import { Option, type Command } from "commander";
import { CONFLICT_MODES, type ConflictMode } from "../../update/conflict-mode.js";

export interface UpdateFlags {
  preset?: string;
  template: string[];
  offline?: boolean;
  refresh?: boolean;
  set: string[];
  value: string[];
  app?: string;
  detect?: boolean;
  conflict?: ConflictMode;
  prune?: boolean;
  allowDirty?: boolean;
  check?: boolean;
  dryRun?: boolean;
  diff?: boolean;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function addUpdateOptions(cmd: Command): Command {
  return cmd
    .option("-p, --preset <ref>", "switch to this preset (default: the recorded one)")
    .option("-t, --template <ref>", "switch to these template packs (repeatable; default: the recorded ones)", collect, [])
    .option("--offline", "use only node_modules and the cache for npm and git references")
    .option("--refresh", "fetch npm and git references again and move to what they name now (default: the recorded versions)")
    .option("--set <key=value>", "change an answer by its key, YAML-typed (repeatable)", collect, [])
    .option("--value <name=value>", "change an answer to a template pack's question (repeatable)", collect, [])
    .option("--app <path>", "in a repository with several apps, the sub-folder to update")
    .option("--no-detect", "do not read the repository to pre-fill answers")
    .addOption(new Option("--conflict <mode>", "what to do where your edits and the template's changes conflict (default: prompt in a terminal, else fail)").choices(CONFLICT_MODES))
    .option("--prune", "delete files that are no longer generated (only if you have not edited them)")
    .option("--allow-dirty", "run even when git has uncommitted changes here")
    .option("--check", "write nothing; exit 1 if a file is not what update would write (for CI)")
    .option("--dry-run", "write nothing; show what would happen")
    .option("--diff", "print unified diffs of the changes")
    .option("--json", "print a machine-readable result");
}

