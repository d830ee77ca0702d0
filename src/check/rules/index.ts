// Every rule, in report order. One rule per file; this list is the registry.
import type { AnyRule } from "../rule.js";
import { dfAddRemote } from "./dockerfile/df-add-remote.js";
import { dfApkNoCache } from "./dockerfile/df-apk-no-cache.js";
import { dfApkPin } from "./dockerfile/df-apk-pin.js";
import { dfAptClean } from "./dockerfile/df-apt-clean.js";
import { dfAptGetNotApt } from "./dockerfile/df-apt-get-not-apt.js";
import { dfAptNoRecommends } from "./dockerfile/df-apt-no-recommends.js";
import { dfAptPin } from "./dockerfile/df-apt-pin.js";
import { dfAptUpdateWithInstall } from "./dockerfile/df-apt-update-with-install.js";
import { dfAptYes } from "./dockerfile/df-apt-yes.js";
import { dfBaseDigest } from "./dockerfile/df-base-digest.js";
import { dfBaseMinimal } from "./dockerfile/df-base-minimal.js";
import { dfBaseNoLatest } from "./dockerfile/df-base-nolatest.js";
import { dfBaseTagged } from "./dockerfile/df-base-tagged.js";
import { dfBaseTrustedRegistry } from "./dockerfile/df-base-trusted-registry.js";
import { dfCopyChown } from "./dockerfile/df-copy-chown.js";
import { dfCopyFromValid } from "./dockerfile/df-copy-from-valid.js";
import { dfCopyMultiDest } from "./dockerfile/df-copy-multi-dest.js";
import { dfCopyNotAdd } from "./dockerfile/df-copy-not-add.js";
import { dfCopyRelativeWorkdir } from "./dockerfile/df-copy-relative-workdir.js";
import { dfExecForm } from "./dockerfile/df-exec-form.js";
import { dfExposeNoSsh } from "./dockerfile/df-expose-no-ssh.js";
import { dfExposeUnprivileged } from "./dockerfile/df-expose-unprivileged.js";
import { dfFromPlatform } from "./dockerfile/df-from-platform.js";
import { dfGoInstallPin } from "./dockerfile/df-go-install-pin.js";
import { dfHealthcheck } from "./dockerfile/df-healthcheck.js";
import { dfLabelsOci } from "./dockerfile/df-labels-oci.js";
import { dfMultistage } from "./dockerfile/df-multistage.js";
import { dfNoChpasswd } from "./dockerfile/df-no-chpasswd.js";
import { dfNoContainerAdminCmds } from "./dockerfile/df-no-container-admin-cmds.js";
import { dfNoCurlPipeSh } from "./dockerfile/df-no-curl-pipe-sh.js";
import { dfNoDistUpgrade } from "./dockerfile/df-no-dist-upgrade.js";
import { dfNoMaintainer } from "./dockerfile/df-no-maintainer.js";
import { dfNoSecretFiles } from "./dockerfile/df-no-secret-files.js";
import { dfNoSecretsArgEnv } from "./dockerfile/df-no-secrets-arg-env.js";
import { dfNoSensitiveVolume } from "./dockerfile/df-no-sensitive-volume.js";
import { dfNoSudo } from "./dockerfile/df-no-sudo.js";
import { dfNpmPin } from "./dockerfile/df-npm-pin.js";
import { dfOnbuild } from "./dockerfile/df-onbuild.js";
import { dfOneDownloader } from "./dockerfile/df-one-downloader.js";
import { dfPipNoCache } from "./dockerfile/df-pip-no-cache.js";
import { dfPipPin } from "./dockerfile/df-pip-pin.js";
import { dfPipefail } from "./dockerfile/df-pipefail.js";
import { dfPkgSignatures } from "./dockerfile/df-pkg-signatures.js";
import { dfPortValid } from "./dockerfile/df-port-valid.js";
import { dfRpmFamily } from "./dockerfile/df-rpm-family.js";
import { dfSetuidStrip } from "./dockerfile/df-setuid-strip.js";
import { dfShellInstr } from "./dockerfile/df-shell-instr.js";
import { dfSingleCmdEntrypointHealthcheck } from "./dockerfile/df-single-cmd-entrypoint-healthcheck.js";
import { dfStageNames } from "./dockerfile/df-stage-names.js";
import { dfStyle } from "./dockerfile/df-style.js";
import { dfSyntaxDirective } from "./dockerfile/df-syntax-directive.js";
import { dfSyntaxValid } from "./dockerfile/df-syntax-valid.js";
import { dfTlsVerify } from "./dockerfile/df-tls-verify.js";
import { dfUserNonroot } from "./dockerfile/df-user-nonroot.js";
import { dfUserNumeric } from "./dockerfile/df-user-numeric.js";
import { dfUseraddNolog } from "./dockerfile/df-useradd-nolog.js";
import { dfVarDefined } from "./dockerfile/df-var-defined.js";
import { dfWgetProgress } from "./dockerfile/df-wget-progress.js";
import { dfWorkdirAbsolute } from "./dockerfile/df-workdir-absolute.js";
import { dfWorkdirNotCd } from "./dockerfile/df-workdir-not-cd.js";
import { dfWorkdirNotSysdir } from "./dockerfile/df-workdir-not-sysdir.js";
import { dfYarnClean } from "./dockerfile/df-yarn-clean.js";
import { diExcludeBuildArtifacts } from "./dockerignore/di-exclude-build-artifacts.js";
import { diExcludeDockerFiles } from "./dockerignore/di-exclude-docker-files.js";
import { diExcludeSecrets } from "./dockerignore/di-exclude-secrets.js";
import { diExcludeVcs } from "./dockerignore/di-exclude-vcs.js";
import { diExists } from "./dockerignore/di-exists.js";
import { diNotHideCopied } from "./dockerignore/di-not-hide-copied.js";
import { cmpBuildImagePullpolicy } from "./compose/cmp-build-image-pullpolicy.js";
import { cmpCapAddMinimal } from "./compose/cmp-cap-add-minimal.js";
import { cmpCapDropAll } from "./compose/cmp-cap-drop-all.js";
import { cmpCpuLimit } from "./compose/cmp-cpu-limit.js";
import { cmpCustomNetwork } from "./compose/cmp-custom-network.js";
import { cmpDependsHealthy } from "./compose/cmp-depends-healthy.js";
import { cmpHealthcheck } from "./compose/cmp-healthcheck.js";
import { cmpImagePinned } from "./compose/cmp-image-pinned.js";
import { cmpLoggingBounded } from "./compose/cmp-logging-bounded.js";
import { cmpLsmNotDisabled } from "./compose/cmp-lsm-not-disabled.js";
import { cmpMemLimit } from "./compose/cmp-mem-limit.js";
import { cmpNoDevices } from "./compose/cmp-no-devices.js";
import { cmpNoDockerSocket } from "./compose/cmp-no-docker-socket.js";
import { cmpNoHostCgroup } from "./compose/cmp-no-host-cgroup.js";
import { cmpNoHostIpc } from "./compose/cmp-no-host-ipc.js";
import { cmpNoHostNetwork } from "./compose/cmp-no-host-network.js";
import { cmpNoHostPid } from "./compose/cmp-no-host-pid.js";
import { cmpNoHostUserns } from "./compose/cmp-no-host-userns.js";
import { cmpNoHostUts } from "./compose/cmp-no-host-uts.js";
import { cmpNoLiteralSecrets } from "./compose/cmp-no-literal-secrets.js";
import { cmpNoNewPrivs } from "./compose/cmp-no-new-privs.js";
import { cmpNoPrivilegedHostPorts } from "./compose/cmp-no-privileged-host-ports.js";
import { cmpNoPrivileged } from "./compose/cmp-no-privileged.js";
import { cmpNoSensitiveMounts } from "./compose/cmp-no-sensitive-mounts.js";
import { cmpNoSharedPropagation } from "./compose/cmp-no-shared-propagation.js";
import { cmpNoVersion } from "./compose/cmp-no-version.js";
import { cmpOnlyNeededPorts } from "./compose/cmp-only-needed-ports.js";
import { cmpPidsLimit } from "./compose/cmp-pids-limit.js";
import { cmpPortsBindIface } from "./compose/cmp-ports-bind-iface.js";
import { cmpProjectName } from "./compose/cmp-project-name.js";
import { cmpReadonlyRootfs } from "./compose/cmp-readonly-rootfs.js";
import { cmpRestartBounded } from "./compose/cmp-restart-bounded.js";
import { cmpSchemaValid } from "./compose/cmp-schema-valid.js";
import { cmpSeccompDefault } from "./compose/cmp-seccomp-default.js";
import { cmpSecretsFile } from "./compose/cmp-secrets-file.js";
import { cmpStyle } from "./compose/cmp-style.js";
import { cmpTmpfsHardened } from "./compose/cmp-tmpfs-hardened.js";
import { cmpUlimits } from "./compose/cmp-ulimits.js";
import { cmpUserNonroot } from "./compose/cmp-user-nonroot.js";
import { envCoversComposeVars } from "./env/env-covers-compose-vars.js";
import { envDotenvIgnored } from "./env/env-dotenv-ignored.js";
import { envFormat } from "./env/env-format.js";
import { envNoRealSecrets } from "./env/env-no-real-secrets.js";
import { mkBuildPull } from "./makefile/mk-build-pull.js";
import { mkBuildSecrets } from "./makefile/mk-build-secrets.js";
import { dfContentTrust } from "./makefile/mk-content-trust.js";
import { mkDryrunValid } from "./makefile/mk-dryrun-valid.js";
import { mkLintTargets } from "./makefile/mk-lint-targets.js";
import { mkPhony } from "./makefile/mk-phony.js";
import { mkSafeShell } from "./makefile/mk-safe-shell.js";
import { mkSupplyChain } from "./makefile/mk-supply-chain.js";

export const ALL_RULES: readonly AnyRule[] = [
  dfAddRemote,
  dfApkNoCache,
  dfApkPin,
  dfAptClean,
  dfAptGetNotApt,
  dfAptNoRecommends,
  dfAptPin,
  dfAptUpdateWithInstall,
  dfAptYes,
  dfBaseDigest,
  dfBaseMinimal,
  dfBaseNoLatest,
  dfBaseTagged,
  dfBaseTrustedRegistry,
  dfCopyChown,
  dfCopyFromValid,
  dfCopyMultiDest,
  dfCopyNotAdd,
  dfCopyRelativeWorkdir,
  dfExecForm,
  dfExposeNoSsh,
  dfExposeUnprivileged,
  dfFromPlatform,
  dfGoInstallPin,
  dfHealthcheck,
  dfLabelsOci,
  dfMultistage,
  dfNoChpasswd,
  dfNoContainerAdminCmds,
  dfNoCurlPipeSh,
  dfNoDistUpgrade,
  dfNoMaintainer,
  dfNoSecretFiles,
  dfNoSecretsArgEnv,
  dfNoSensitiveVolume,
  dfNoSudo,
  dfNpmPin,
  dfOnbuild,
  dfOneDownloader,
  dfPipNoCache,
  dfPipPin,
  dfPipefail,
  dfPkgSignatures,
  dfPortValid,
  dfRpmFamily,
  dfSetuidStrip,
  dfShellInstr,
  dfSingleCmdEntrypointHealthcheck,
  dfStageNames,
  dfStyle,
  dfSyntaxDirective,
  dfSyntaxValid,
  dfTlsVerify,
  dfUserNonroot,
  dfUserNumeric,
  dfUseraddNolog,
  dfVarDefined,
  dfWgetProgress,
  dfWorkdirAbsolute,
  dfWorkdirNotCd,
  dfWorkdirNotSysdir,
  dfYarnClean,
  diExcludeBuildArtifacts,
  diExcludeDockerFiles,
  diExcludeSecrets,
  diExcludeVcs,
  diExists,
  diNotHideCopied,
  cmpBuildImagePullpolicy,
  cmpCapAddMinimal,
  cmpCapDropAll,
  cmpCpuLimit,
  cmpCustomNetwork,
  cmpDependsHealthy,
  cmpHealthcheck,
  cmpImagePinned,
  cmpLoggingBounded,
  cmpLsmNotDisabled,
  cmpMemLimit,
  cmpNoDevices,
  cmpNoDockerSocket,
  cmpNoHostCgroup,
  cmpNoHostIpc,
  cmpNoHostNetwork,
  cmpNoHostPid,
  cmpNoHostUserns,
  cmpNoHostUts,
  cmpNoLiteralSecrets,
  cmpNoNewPrivs,
  cmpNoPrivilegedHostPorts,
  cmpNoPrivileged,
  cmpNoSensitiveMounts,
  cmpNoSharedPropagation,
  cmpNoVersion,
  cmpOnlyNeededPorts,
  cmpPidsLimit,
  cmpPortsBindIface,
  cmpProjectName,
  cmpReadonlyRootfs,
  cmpRestartBounded,
  cmpSchemaValid,
  cmpSeccompDefault,
  cmpSecretsFile,
  cmpStyle,
  cmpTmpfsHardened,
  cmpUlimits,
  cmpUserNonroot,
  envCoversComposeVars,
  envDotenvIgnored,
  envFormat,
  envNoRealSecrets,
  mkBuildPull,
  mkBuildSecrets,
  dfContentTrust,
  mkDryrunValid,
  mkLintTargets,
  mkPhony,
  mkSafeShell,
  mkSupplyChain,
];
