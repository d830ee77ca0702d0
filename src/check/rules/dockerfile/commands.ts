// Finding commands in RUN bodies, shared by the package-manager and shell rules.
import type { DockerfileModel, RunInfo } from "../../parse/dockerfile.js";
import { positionalArgs, type SimpleCommand } from "../../parse/shell.js";

export interface RunCommand {
  run: RunInfo;
  cmd: SimpleCommand;
}

export function commandsNamed(model: DockerfileModel, names: readonly string[]): RunCommand[] {
  const out: RunCommand[] = [];
  for (const run of model.runs) for (const cmd of run.shell.commands) if (names.includes(cmd.name)) out.push({ run, cmd });
  return out;
}

/** `apt-get install ...` style: the command and its first positional word (the subcommand). */
export function subcommand(cmd: SimpleCommand, valued: ReadonlySet<string> = new Set()): string | undefined {
  return positionalArgs(cmd.args, valued)[0];
}

/** Positional words after the subcommand. */
export function operands(cmd: SimpleCommand, valued: ReadonlySet<string> = new Set()): string[] {
  return positionalArgs(cmd.args, valued).slice(1);
}

export const APT = ["apt-get", "apt"];
export const APT_VALUED = new Set(["-o", "-t", "--target-release", "-c", "--config-file"]);

export function isAptInstall(cmd: SimpleCommand): boolean {
  return APT.includes(cmd.name) && subcommand(cmd, APT_VALUED) === "install";
}

/** `pip install`, `pip3 install`, `python -m pip install`. */
export function pipInstallArgs(cmd: SimpleCommand): string[] | undefined {
  let args = cmd.args;
  if (/^python[0-9.]*$/.test(cmd.name)) {
    const m = args.indexOf("-m");
    if (m < 0 || args[m + 1] !== "pip") return undefined;
    args = args.slice(m + 2);
  } else if (!/^pip[0-9.]*$/.test(cmd.name)) {
    return undefined;
  }
  const i = args.indexOf("install");
  if (i < 0 || positionalArgs(args)[0] !== "install") return undefined;
  return args.slice(i + 1);
}

export function runHasCommand(run: RunInfo, name: string, sub?: string): boolean {
  return run.shell.commands.some((c) => c.name === name && (sub === undefined || c.args.includes(sub)));
}

/** The RUN text mentions a truthy `NAME=value` (inline env or export). */
export function inlineTruthy(run: RunInfo, name: string): boolean {
  const m = new RegExp(`\\b${name}=["']?([^\\s"';&|]*)`).exec(run.script);
  return m !== null && /^(1|true|yes|on)$/i.test(m[1] ?? "");
}
