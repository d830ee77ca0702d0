// Runs dockerlinter (buddy.works' JS port of hadolint's rules, a test-only oracle; GPL, never
// bundled) on a Dockerfile and maps its codes to our rule ids. RULEBOOK part (b): run with
// `-s sh -e info -i SC2215` from a scratch directory (SC2215 is its false positive on RUN --mount).
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../node_modules/dockerlinter/bin/dockerfilelinter");
const SCRATCH = mkdtempSync(join(tmpdir(), "dockerlinter-"));

/** dockerlinter code -> our rule id, for the rules both implement. */
export const CODE_TO_RULE: Record<string, string> = {
  EL0001: "DF-SYNTAX-VALID",
  EF0001: "DF-SYNTAX-VALID",
  ER0001: "DF-PIPEFAIL",
  EU0001: "DF-USER-NONROOT",
  EI0001: "DF-SINGLE-CMD-ENTRYPOINT-HEALTHCHECK",
  EC0001: "DF-COPY-FROM-VALID",
  EC0002: "DF-COPY-FROM-VALID",
  EI0003: "DF-NO-MAINTAINER",
  EJ0001: "DF-EXEC-FORM",
  EJ0002: "DF-EXEC-FORM",
  EF0002: "DF-STAGE-NAMES",
  EF0003: "DF-BASE-NOLATEST",
  EF0004: "DF-BASE-TAGGED",
  ER0002: "DF-APT-CLEAN",
  ER0003: "DF-WORKDIR-NOT-CD",
  ER0004: "DF-NO-SUDO",
  ER0005: "DF-NO-CONTAINER-ADMIN-CMDS",
  ER0006: "DF-NO-DIST-UPGRADE",
  EA0001: "DF-ADD-REMOTE",
  ER0007: "DF-ONE-DOWNLOADER",
  ER0008: "DF-SHELL-INSTR",
  ER0009: "DF-APT-YES",
  ER0010: "DF-APT-NO-RECOMMENDS",
  EA0002: "DF-COPY-NOT-ADD",
  EC0004: "DF-COPY-MULTI-DEST",
  ER0011: "DF-APK-NO-CACHE",
  ER0012: "DF-APT-PIN",
  ER0013: "DF-PIP-PIN",
  ER0014: "DF-NPM-PIN",
  ER0015: "DF-APK-PIN",
  EI0004: "DF-ONBUILD",
  EW0001: "DF-WORKDIR-ABSOLUTE",
  EE0001: "DF-PORT-VALID",
  EI0005: "DF-STYLE",
};

/** Codes with no counterpart among our rules (and why), so they are left out of the comparison. */
export const UNMAPPED: Record<string, string> = {
  ED0001: "parser-directive placement: not a rulebook rule",
  ED0002: "duplicate parser directive: not a rulebook rule",
  ED0003: "directive casing: not a rulebook rule",
  ED0004: "directive treated as comment: not a rulebook rule",
  ED0005: "directive without value: not a rulebook rule",
  EI0002: "instruction before FROM: Docker rejects it, dockerfile-utils reports it under DF-SYNTAX-VALID only when it is an error",
  EJ0003: "SHELL must be JSON: dockerfile-utils reports it (DF-SYNTAX-VALID)",
  EC0003: "'use ADD for archives': the rulebook prefers COPY and explicit extraction",
  ER0016: "gem pinning: no rulebook rule (no Ruby in scope)",
};

export interface LinterFinding {
  code: string;
  line: number;
}

export async function dockerlinter(file: string): Promise<LinterFinding[]> {
  let stdout = "";
  try {
    ({ stdout } = await run(process.execPath, [BIN, "-f", file, "-s", "sh", "-e", "info", "-i", "SC2215", "-j"], { cwd: SCRATCH, timeout: 60_000 }));
  } catch (err) {
    // exit 1 when it found something; the JSON is on stdout either way
    stdout = (err as { stdout?: string }).stdout ?? "";
  }
  const start = stdout.indexOf("[");
  if (start < 0) return [];
  const parsed = JSON.parse(stdout.slice(start)) as { lineNumber: number; code: string }[];
  return parsed.map((p) => ({ code: p.code, line: p.lineNumber }));
}
