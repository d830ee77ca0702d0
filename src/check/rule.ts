// What a rule is: its metadata plus a check over one parsed file, with the other
// files of the same directory at hand for cross-file rules.
import type { ComposeModel } from "./parse/compose.js";
import type { DockerfileModel } from "./parse/dockerfile.js";
import type { IgnoreModel } from "./parse/dockerignore.js";
import type { EnvModel } from "./parse/env-file.js";
import type { GitignoreModel } from "./parse/gitignore.js";
import type { MakefileModel } from "./parse/makefile.js";
import type { CheckConfig, Hit, RuleMeta, TargetKind } from "./types.js";

export type ParsedFile = DockerfileModel | IgnoreModel | ComposeModel | EnvModel | MakefileModel;

export type ModelOf<K extends TargetKind> = Extract<ParsedFile, { kind: K }>;

/** The files of one directory: a Dockerfile's build context, compose's project dir. */
export interface DirFiles {
  dir: string;
  dockerfiles: DockerfileModel[];
  /** `.dockerignore` and any `<Dockerfile>.dockerignore`. */
  dockerignores: IgnoreModel[];
  composes: ComposeModel[];
  envs: EnvModel[];
  makefiles: MakefileModel[];
  gitignore: GitignoreModel | undefined;
  /** Every directory of the project (a compose file's build context may be a sub-folder). */
  project?: ReadonlyMap<string, DirFiles>;
}

export interface RuleContext {
  dir: DirFiles;
  config: CheckConfig;
}

export interface Rule<K extends TargetKind = TargetKind> extends RuleMeta {
  /** The kind of file the check runs on (may differ from `target` for cross-file rules). */
  on: K;
  check(model: ModelOf<K>, ctx: RuleContext): Hit[];
}

export type AnyRule = { [K in TargetKind]: Rule<K> }[TargetKind];

export function defineRule<K extends TargetKind>(rule: Rule<K>): Rule<K> {
  return rule;
}

/** The ignore file BuildKit uses for a Dockerfile: `<name>.dockerignore` first, then `.dockerignore`. */
export function ignoreFor(dir: DirFiles, dockerfile: DockerfileModel): IgnoreModel | undefined {
  return dir.dockerignores.find((i) => i.file.base === `${dockerfile.file.base}.dockerignore`) ?? dir.dockerignores.find((i) => i.file.base === ".dockerignore");
}
