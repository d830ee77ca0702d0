// DF-NPM-PIN: `npm ci`, or `npm install <pkg>@<version>` (as DL3016).
import { positionalArgs } from "../../parse/shell.js";
import { defineRule } from "../../rule.js";

const VALUED = new Set(["--prefix", "-C", "--registry", "--tag", "-w", "--workspace", "--omit", "--include", "--cache"]);

export const dfNpmPin = defineRule({
  id: "DF-NPM-PIN",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "npm installs from the lockfile (`npm ci`) or pins `pkg@version`",
  why: "A bare `npm install <pkg>` takes whatever version is newest at build time, including a freshly compromised one.",
  fix: "Use `npm ci` with the lockfile, or pin: `npm install -g pkg@1.2.3`.",
  refs: { hadolint: "DL3016", cis: "5.28" },
  check(model) {
    const hits = [];
    for (const run of model.runs) {
      for (const c of run.shell.commands) {
        if (c.name !== "npm") continue;
        const pos = positionalArgs(c.args, VALUED);
        if (!["install", "i", "add"].includes(pos[0] ?? "")) continue;
        const loose = pos.slice(1).filter((p) => !pinned(p));
        if (loose.length) hits.push({ line: run.instr.line, message: `unpinned npm packages: ${loose.join(", ")}` });
      }
    }
    return hits;
  },
});

function pinned(pkg: string): boolean {
  if (/^git(\+\w+)?:\/\//.test(pkg)) return pkg.includes("#");
  if (/\.(tar|tar\.gz|tgz)$/.test(pkg) || /^(\/|\.\/|\.\.\/|~\/|file:)/.test(pkg) || pkg === ".") return true;
  const name = pkg.startsWith("@") ? pkg.slice(pkg.indexOf("/") + 1) : pkg;
  return name.includes("@");
}
