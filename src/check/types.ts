// The vocabulary of `check`: severities, targets, findings and rule metadata.
// Finding/Severity/CheckOptions are the contract the CLI relies on (issue 3).

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The kinds of file `check` understands, matched by base name. */
export const TARGET_KINDS = ["dockerfile", "dockerignore", "compose", "env", "makefile"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const REF_KEYS = ["hadolint", "trivy", "dockle", "checkov", "cis", "buildkit", "owasp", "dclint"] as const;
export type RefKey = (typeof REF_KEYS)[number];
export type Refs = Partial<Record<RefKey, string>>;

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Path as given to check (relative to cwd for checkPaths), with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, when known. */
  column?: number;
  message: string;
  fix: string;
  refs: Refs;
}

export interface CheckConfig {
  /** Rule ids that never report. */
  disable?: string[];
  /** Opt-in rules (RuleMeta.optIn) to turn on. */
  enable?: string[];
  /** Per-rule severity overrides. */
  severity?: Record<string, Severity>;
  /** Allowed registries for DF-BASE-TRUSTED-REGISTRY; setting it turns that rule on. */
  registries?: string[];
  /** Runs shellcheck on a RUN body (DF-RUN-SHELLCHECK); absent: that rule is skipped. */
  shellcheck?: ShellcheckRunner;
}

export interface ShellcheckIssue {
  code: number;
  level: string;
  message: string;
  line: number;
}

export interface ShellcheckRequest {
  script: string;
  shell: "sh" | "bash";
}

/**
 * Shellcheck on one RUN body; `batch`, when present, checks all of a Dockerfile's bodies at
 * once (same results, in request order) so that a file costs one process, not one per RUN.
 */
export type ShellcheckRunner = ((script: string, shell: "sh" | "bash") => ShellcheckIssue[]) & {
  batch?: (requests: readonly ShellcheckRequest[]) => ShellcheckIssue[][];
};

export interface CheckOptions {
  cwd: string;
  /** Run shellcheck on RUN bodies when the binary is installed (default true). */
  shellcheck?: boolean;
  paths?: string[];
  severity?: Severity;
  config?: CheckConfig;
}

export interface CheckResult {
  files: string[];
  findings: Finding[];
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  /** The file kind the rule is about ("any" for checker-level rules). */
  target: TargetKind | "any";
  title: string;
  /** Why it matters, in a sentence or two. */
  why: string;
  /** One-line fix. */
  fix: string;
  refs: Refs;
  /** Off unless enabled in config (rulebook marks it opt-in or it conflicts with the generator contract). */
  optIn?: boolean;
}

/** What a rule reports; the runner adds id, severity, refs and the default fix. */
export interface Hit {
  line: number;
  column?: number;
  message: string;
  fix?: string;
  /** Report against another file of the set (cross-file rules). */
  file?: string;
}

/** A file handed to checkTexts. `context` files inform cross-file rules but are not reported on. */
export interface TextFile {
  path: string;
  text: string;
  context?: boolean;
}
