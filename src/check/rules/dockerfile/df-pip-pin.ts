// DF-PIP-PIN: pip installs from a requirements/constraints file, or pins each package (as DL3013).
import { defineRule } from "../../rule.js";
import { pipInstallArgs } from "./commands.js";

const VALUED = new Set(["--abi", "-b", "--build", "-e", "--editable", "--extra-index-url", "-f", "--find-links", "-i", "--index-url", "--implementation", "--no-binary", "--only-binary", "--platform", "--prefix", "--progress-bar", "--proxy", "--python-version", "--root", "--src", "-t", "--target", "--trusted-host", "--upgrade-strategy", "--cache-dir", "--report"]);
const VERSION = /(==|>=|<=|~=|!=|===|>|<)/;
const VCS = /^(git|hg|svn|bzr)(\+[a-z]+)?:/;

export const dfPipPin = defineRule({
  id: "DF-PIP-PIN",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "pip packages are pinned (`-r requirements.txt`, constraints, or `pkg==x`)",
  why: "Unpinned installs pull whatever was released that day, so two builds of one commit differ and a compromised release lands automatically.",
  fix: "Install from a lock/requirements file: `pip install --no-cache-dir -r requirements.txt` (or pin `pkg==1.2.3`).",
  refs: { hadolint: "DL3013", cis: "5.28" },
  check(model) {
    const hits = [];
    for (const run of model.runs) {
      for (const c of run.shell.commands) {
        const args = pipInstallArgs(c);
        if (!args) continue;
        if (args.some((a) => ["-r", "--requirement", "-c", "--constraint", "."].includes(a) || /^--(requirement|constraint)=/.test(a) || /^-[rc]\S/.test(a))) continue;
        const packages: string[] = [];
        for (let i = 0; i < args.length; i++) {
          const a = args[i] as string;
          if (a.startsWith("-")) {
            if (VALUED.has(a)) i += 1;
            continue;
          }
          packages.push(a);
        }
        const loose = packages.filter((p) => !VERSION.test(p) && !(VCS.test(p) && p.includes("@")) && !/\.(whl|tar\.gz|zip)$/.test(p) && !(p.includes("/") && !VCS.test(p)));
        if (loose.length) hits.push({ line: run.instr.line, message: `unpinned pip packages: ${loose.join(", ")}` });
      }
    }
    return hits;
  },
});
