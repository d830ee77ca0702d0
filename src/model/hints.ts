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
  /** Rust: the binary target to build (`cargo build --bin <name>`). */
  rustBin?: string;
  /** Rust: Cargo.lock is missing, so the build cannot pass --locked. */
  rustNoLock?: boolean;
  /** Rust: a workspace (several crates): cache mounts instead of the dependency-only layer. */
  rustWorkspace?: boolean;
  /** Rust: target source files Cargo.toml names besides src/main.rs (stubbed in the dependency layer). */
  rustTargets?: string[];
  /** Rust: the package has a build script (build.rs), copied into the dependency layer. */
  rustBuildScript?: boolean;
  /** Java: the build wrapper (mvnw/gradlew) is in the repository. */
  javaWrapper?: boolean;
  /** Java: Spring Boot version (major.minor), which decides the layer extraction and launcher. */
  springBootVersion?: string;
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
  if (typeof extra.rustBin === "string" && /^[A-Za-z0-9_-]+$/.test(extra.rustBin)) hints.rustBin = extra.rustBin;
  if (extra.cargoLock === false) hints.rustNoLock = true;
  if (extra.cargoWorkspace === true) hints.rustWorkspace = true;
  if (Array.isArray(extra.rustTargets)) {
    const targets = extra.rustTargets.filter((t): t is string => typeof t === "string" && SAFE_PATH.test(t) && !t.startsWith("/") && !t.includes("..") && t.endsWith(".rs"));
    if (targets.length) hints.rustTargets = targets;
  }
  if (extra.rustBuildScript === true) hints.rustBuildScript = true;
  if (extra.javaWrapper === true) hints.javaWrapper = true;
  if (typeof extra.springBootVersion === "string" && /^\d+\.\d+$/.test(extra.springBootVersion)) hints.springBootVersion = extra.springBootVersion;
  return hints;
}

/**
 * Hints for the Dockerfile written in the app's own folder: detection reports files relative
 * to the repository root (api/requirements.txt), the build context is the app folder.
 */
export function appHintsFromExtra(extra: Record<string, unknown>): StackHints {
  const hints = hintsFromExtra(extra);
  const appPath = typeof extra.appPath === "string" && extra.appPath !== "." ? extra.appPath.replace(/\/+$/, "") : null;
  if (appPath && hints.requirementsFile?.startsWith(`${appPath}/`)) hints.requirementsFile = hints.requirementsFile.slice(appPath.length + 1);
  return hints;
}
