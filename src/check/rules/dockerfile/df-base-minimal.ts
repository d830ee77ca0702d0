// DF-BASE-MINIMAL: the final stage is slim/distroless/alpine and installs no build tools.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { APT_VALUED, operands } from "./commands.js";
import { finalStage, isMinimalImage, rootRef, runsOf, stageChain } from "./stages.js";

const BUILD_TOOLS = new Set(["build-essential", "gcc", "g++", "clang", "make", "cmake", "git", "curl", "wget", "gcc-c++", "musl-dev", "libc-dev", "alpine-sdk", "golang", "rustc", "cargo", "maven", "gradle", "subversion", "mercurial"]);
const INSTALLERS: Record<string, string> = { "apt-get": "install", apt: "install", apk: "add", yum: "install", dnf: "install", microdnf: "install", zypper: "install" };

export const dfBaseMinimal = defineRule({
  id: "DF-BASE-MINIMAL",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "The final stage uses a slim, distroless or alpine base and no compilers or VCS tools",
  why: "Every extra package in the runtime image is attack surface and CVE noise; compilers, git and curl there help an intruder more than the app.",
  fix: "Build in an earlier stage and `COPY --from` only the artefacts into a `-slim`, `distroless` or `alpine` final stage.",
  refs: { hadolint: "DL3015 (partly)", dockle: "CIS-DI-0003", cis: "4.3", owasp: "#9" },
  check(model) {
    const stage = finalStage(model);
    if (!stage) return [];
    const hits: Hit[] = [];
    const ref = rootRef(stage);
    if (ref && stageChain(stage)[0]?.missingArgs.length === 0 && !isMinimalImage(ref)) {
      hits.push({ line: stage.from.line, message: `the final stage runs on ${ref.raw}, which is not a slim, distroless or alpine image` });
    }
    for (const run of runsOf(model, stage)) {
      for (const cmd of run.shell.commands) {
        const verb = INSTALLERS[cmd.name];
        if (!verb || operands(cmd, APT_VALUED).length === 0 || !cmd.args.includes(verb)) continue;
        const tools = operands(cmd, APT_VALUED).map((p) => p.split(/[=<>~]/)[0] ?? p).filter((p) => BUILD_TOOLS.has(p));
        if (tools.length) hits.push({ line: run.instr.line, message: `the final stage installs build/VCS tools: ${tools.join(", ")}` });
      }
    }
    return hits;
  },
});
