// Stack hints: facts detection found that are not answers but shape the defaults and
// the Dockerfile (the Python app object, the Go main package, a requirements file).
export interface StackHints {
  /** Python `module:object` for gunicorn/uvicorn, e.g. `app.main:app`, `pkg.app:create_app()`. */
  appTarget?: string;
  /** The Python target is a factory (uvicorn needs --factory). */
  appFactory?: boolean;
  /** Python requirements file to install from (default requirements.txt). */
  requirementsFile?: string;
  /** Python development requirements (requirements-dev.txt ...), installed in the dev stage only. */
  devRequirementsFile?: string;
  /** Go main package, e.g. `./cmd/api`. */
  goMain?: string;
  /** Go modules are vendored: build with -mod=vendor. */
  goVendor?: boolean;
}

const SAFE_PATH = /^[A-Za-z0-9._/-]+$/;
const SAFE_TARGET = /^[A-Za-z_][A-Za-z0-9_.]*:[A-Za-z_][A-Za-z0-9_]*(\(\))?$/;

/** Keep only hints that are safe to print into a Dockerfile line. */
export function hintsFromExtra(extra: Record<string, unknown>): StackHints {
  const hints: StackHints = {};
  if (typeof extra.appTarget === "string" && SAFE_TARGET.test(extra.appTarget)) hints.appTarget = extra.appTarget;
  if (extra.appFactory === true) hints.appFactory = true;
  if (typeof extra.requirementsFile === "string" && SAFE_PATH.test(extra.requirementsFile) && !extra.requirementsFile.startsWith("/")) hints.requirementsFile = extra.requirementsFile;
  if (typeof extra.devRequirementsFile === "string" && SAFE_PATH.test(extra.devRequirementsFile) && !extra.devRequirementsFile.startsWith("/")) hints.devRequirementsFile = extra.devRequirementsFile;
  if (typeof extra.goMain === "string" && SAFE_PATH.test(extra.goMain)) hints.goMain = extra.goMain;
  if (extra.goVendor === true) hints.goVendor = true;
  return hints;
}
