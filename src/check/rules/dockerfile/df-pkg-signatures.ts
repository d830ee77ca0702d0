// DF-PKG-SIGNATURES: never turn off package signature checks.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";

const BAD: Record<string, RegExp> = {
  apk: /^--allow-untrusted$/,
  "apt-get": /^--(allow-unauthenticated|allow-insecure-repositories|allow-downgrades-unsigned|force-yes)$|AllowUnauthenticated=(true|1)|Allow-Insecure=(yes|true)/i,
  apt: /^--(allow-unauthenticated|allow-insecure-repositories|force-yes)$|AllowUnauthenticated=(true|1)|Allow-Insecure=(yes|true)/i,
  yum: /^--nogpgcheck$|gpgcheck=(0|false)/i,
  dnf: /^--nogpgcheck$|gpgcheck=(0|false)/i,
  tdnf: /^--nogpgcheck$/,
  microdnf: /^--nogpgcheck$/,
  zypper: /^--no-gpg-checks$|^--gpg-auto-import-keys$/,
  rpm: /^--(nosignature|nodigest|noverify|nofiledigest)$/,
};

export const dfPkgSignatures = defineRule({
  id: "DF-PKG-SIGNATURES",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "Package signature checks are never disabled",
  why: "Signatures are what stop a tampered mirror or a man in the middle from installing its own packages into the image.",
  fix: "Remove the flag and import the repository's signing key instead.",
  refs: { dockle: "CIS-DI-0011", checkov: "CKV2_DOCKER_7, CKV2_DOCKER_8, CKV2_DOCKER_9, CKV2_DOCKER_10, CKV2_DOCKER_11", cis: "4.11, 4.12", owasp: "#13" },
  check(model) {
    const hits: Hit[] = [];
    for (const run of model.runs) {
      for (const cmd of run.shell.commands) {
        const bad = BAD[cmd.name];
        const flag = bad && cmd.args.find((a) => bad.test(a));
        if (flag) hits.push({ line: run.instr.line, message: `${cmd.name} ${flag} disables package signature verification` });
      }
      if (/\[\s*trusted=yes\s*\]/.test(run.script)) hits.push({ line: run.instr.line, message: "an apt source marked [trusted=yes] skips signature checks" });
    }
    return hits;
  },
});
