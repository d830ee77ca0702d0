// Build secrets per ecosystem (issue 9): a private registry's credentials reach the install
// step through `RUN --mount=type=secret`, never through ARG/ENV or --build-arg (RULEBOOK
// DF-NO-SECRETS-ARG-ENV, MK-BUILD-SECRETS). Each secret is a file under secrets/ (ignored by
// git and by the build context) or an environment variable of the same content.

export interface BuildSecret {
  /** The BuildKit/Buildah secret id. */
  id: string;
  /** The RUN flag that mounts it for one step. */
  mount: string;
  /** Shell run before the install command in the same RUN (reads the secret into a shell variable), or null. */
  prelude: string | null;
  /** Words (ending in a space) added to the install command after its subcommand, or "". */
  flag: string;
  /** Makefile variable naming the file, and its default. */
  fileVar: string;
  defaultFile: string;
  /** Environment variable holding the same content (CI), used when the file does not exist. */
  envVar: string;
  /** What the secret holds, for env.example and README.Docker.md. */
  holds: string;
  /** An example of the content, line by line, with placeholders only. */
  example: string[];
}

const NPMRC: BuildSecret = {
  flag: "",
  id: "npmrc",
  mount: "--mount=type=secret,id=npmrc,target=/root/.npmrc",
  prelude: null,
  fileVar: "NPMRC_FILE",
  defaultFile: "secrets/npmrc",
  envVar: "NPMRC",
  holds: "an .npmrc with the registry and its token (npm, pnpm and Yarn 1 read it from ~/.npmrc)",
  example: ["@acme:registry=https://npm.example.com/", "//npm.example.com/:_authToken=<token>"],
};

/**
 * pip and uv take the index URL, credentials included, as an option of the install command:
 * read from the secret into a shell variable of that one step (no ARG, no ENV), and left out
 * when the secret is absent. `if` is avoided at the start of the step: linters that hand
 * `RUN --mount=...` to shellcheck would stop parsing there.
 */
function indexUrl(option: string, tool: string): BuildSecret {
  return {
    id: "pip_index_url",
    mount: "--mount=type=secret,id=pip_index_url",
    prelude: 'index_url="$(cat /run/secrets/pip_index_url 2>/dev/null || true)"',
    flag: `\${index_url:+${option} "$index_url"} `,
    fileVar: "PIP_INDEX_URL_FILE",
    defaultFile: "secrets/pip_index_url",
    envVar: "PIP_INDEX_URL",
    holds: `the package index URL with its credentials (${tool} ${option} for the install step only)`,
    example: ["https://<user>:<token>@pypi.example.com/simple/"],
  };
}

const NETRC: BuildSecret = {
  flag: "",
  id: "netrc",
  mount: "--mount=type=secret,id=netrc,target=/root/.netrc",
  prelude: null,
  fileVar: "NETRC_FILE",
  defaultFile: "secrets/netrc",
  envVar: "NETRC",
  holds: "a .netrc with the git host's credentials, for private modules (GOPRIVATE) fetched over HTTPS",
  example: ["machine github.com login <user> password <token>"],
};

/**
 * Per package manager. Maven (`settings.xml` at /root/.m2/settings.xml) and Gradle
 * (`gradle.properties` at /root/.gradle/gradle.properties) are here for the Java templates
 * to use; validation allows buildSecrets only where a template wires them
 * (BUILD_SECRET_PACKAGE_MANAGERS).
 */
export const BUILD_SECRETS: Record<string, BuildSecret> = {
  npm: NPMRC,
  pnpm: NPMRC,
  yarn: NPMRC,
  pip: indexUrl("--index-url", "pip"),
  uv: indexUrl("--default-index", "uv"),
  go: NETRC,
  maven: {
    id: "maven_settings",
    mount: "--mount=type=secret,id=maven_settings,target=/root/.m2/settings.xml",
    prelude: null,
    flag: "",
    fileVar: "MAVEN_SETTINGS_FILE",
    defaultFile: "secrets/maven-settings.xml",
    envVar: "MAVEN_SETTINGS",
    holds: "a Maven settings.xml with the repository's <server> credentials",
    example: ["<settings><servers><server><id>acme</id><username>…</username><password>…</password></server></servers></settings>"],
  },
  gradle: {
    id: "gradle_properties",
    mount: "--mount=type=secret,id=gradle_properties,target=/root/.gradle/gradle.properties",
    prelude: null,
    flag: "",
    fileVar: "GRADLE_PROPERTIES_FILE",
    defaultFile: "secrets/gradle.properties",
    envVar: "GRADLE_PROPERTIES",
    holds: "a gradle.properties with the repository credentials",
    example: ["acmeUsername=<user>", "acmePassword=<token>"],
  },
};

/** The build secret of these answers, or null when buildSecrets is off. */
export function buildSecretFor(a: { buildSecrets: boolean; packageManager: string }): BuildSecret | null {
  return a.buildSecrets ? (BUILD_SECRETS[a.packageManager] ?? null) : null;
}
