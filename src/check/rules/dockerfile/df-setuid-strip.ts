// DF-SETUID-STRIP: setuid/setgid bits are removed in a final stage that has a shell.
import { defineRule } from "../../rule.js";
import { finalStage, isDistroless, rootRef, runsOf } from "./stages.js";

export const dfSetuidStrip = defineRule({
  id: "DF-SETUID-STRIP",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "setuid/setgid bits are stripped in the final stage (not needed on distroless/scratch)",
  why: "setuid binaries (su, passwd, mount...) are the classic way from an unprivileged user back to root inside the container.",
  fix: "In the final stage: `RUN find / -xdev -perm /6000 -type f -delete` (deleting adds nothing to the image; `-exec chmod a-s {} +` also strips the bits, but copies each binary into a new layer) and run compose with no-new-privileges.",
  refs: { dockle: "CIS-DI-0008", cis: "4.8", owasp: "#4" },
  check(model) {
    const stage = finalStage(model);
    if (!stage) return [];
    const ref = rootRef(stage);
    if (!ref || isDistroless(ref)) return [];
    // `find ... -perm /6000 ...` that strips the bits (chmod a-s) or removes the files (-delete, rm).
    const strips = runsOf(model, stage).some((run) =>
      run.shell.commands.some(
        (c) =>
          c.name === "find" &&
          c.args.some((a) => /^[-/+]?[0-7]*6000$|^[ug]\+s$|^-[46]000$/.test(a)) &&
          (c.args.some((a) => /^[augo]*-s$|^-s$|^[ug]-s,[ug]-s$/.test(a)) || c.args.includes("-delete") || c.args.some((a, i) => a === "-exec" && /^(\/bin\/|\/usr\/bin\/)?rm$/.test(c.args[i + 1] ?? ""))),
      ),
    );
    return strips ? [] : [{ line: stage.from.line, message: "the final stage keeps setuid/setgid binaries from its base image" }];
  },
});
