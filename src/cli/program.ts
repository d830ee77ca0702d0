// The commander tree. Each action loads its command module on demand, so `check`
// never loads the generator's prompts and `init --yes` never loads the rules.
import { Command } from "commander";
import { GENERATOR } from "../version.js";
import type { CliIo } from "./io.js";
import { addInitOptions } from "./init-flags.js";
import { addUpdateOptions } from "./commands/update-options.js";

export function buildProgram(io: CliIo): Command {
  const program = new Command("docker-scaffold")
    .description("A hardened, production-grade container setup for your repository in one command")
    .version(GENERATOR.version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, "")), writeErr: (s) => io.err(s.replace(/\n$/, "")) })
    .showHelpAfterError("(see docker-scaffold --help)");

  addInitOptions(
    program
      .command("init", { isDefault: true })
      .description("write Dockerfile, .dockerignore, docker-compose.yml, env.example, Makefile and README.Docker.md into dir")
      .argument("[dir]", "target directory", "."),
  ).action(async (dir: string, flags) => (await import("./commands/init.js")).initAction(dir, flags, io));

  addUpdateOptions(
    program
      .command("update")
      .description("re-render from .docker-scaffold.yml, keeping your edits (three-way merge with the last generated files)")
      .argument("[dir]", "the directory holding .docker-scaffold.yml", "."),
  ).action(async (dir: string, flags) => (await import("./commands/update.js")).updateAction(dir, flags, io));

  program
    .command("detect")
    .description("show what detection finds in dir, with the evidence for each value")
    .argument("[dir]", "the repository", ".")
    .option("--app <path>", "detect this sub-folder")
    .option("--json", "machine-readable output (the answer keys, env and evidence)")
    .action(async (dir: string, flags) => (await import("./commands/detect.js")).detectAction(dir, flags, io));

  program
    .command("check")
    .description("audit Dockerfile, .dockerignore, compose, env.example and Makefile files against the hardening rulebook")
    .argument("[paths...]", "files or directories (default: the known file names in the current directory)")
    .option("--severity <level>", "fail (exit 1) on findings at or above: critical, high, medium, low, info", "medium")
    .option("--json", "machine-readable findings")
    .option("--sarif", "SARIF 2.1.0 (GitHub code scanning)")
    .option("--explain <rule>", "print a rule, why it matters and its cited ids")
    .action(async (paths: string[], flags) => {
      io.exitCode = await (await import("./commands/check.js")).checkAction(paths, flags, io);
    });

  const presets = program
    .command("presets")
    .description("list presets: built-in, team (user config) and local (.docker-scaffold/presets/), with their source")
    .option("--json", "machine-readable output")
    .option("--offline", "read team presets from node_modules and the cache only")
    .action(async (flags) => (await import("./commands/presets.js")).presetsAction(flags, io));
  presets
    .command("export")
    .description("write a repository's effective answers as a preset file (stdout, or --output)")
    .argument("[dir]", "the directory holding .docker-scaffold.yml", ".")
    .option("-o, --output <file>", "write the preset to this file")
    .option("--name <name>", "the preset's name (default: <service>-standard)")
    .option("--preset-version <x.y.z>", "the preset's version", "1.0.0")
    .option("--description <text>", "one line saying what it is for")
    .option("--app <path>", "in a repository with several apps, the sub-folder to export")
    .action(async (dir: string, flags) => (await import("./commands/presets.js")).presetsExportAction(dir, flags, io));

  return program;
}
