// DF-FROM-PLATFORM: no constant `FROM --platform=`; $BUILDPLATFORM only (for cross-compiling builders).
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";

export const dfFromPlatform = defineRule({
  id: "DF-FROM-PLATFORM",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "No constant `FROM --platform=`; only `$BUILDPLATFORM` in cross-compiling build stages",
  why: "A fixed platform makes the image wrong (or emulated) everywhere else; `$TARGETPLATFORM` is already the default. hadolint's DL3029 flags any --platform; BuildKit accepts $BUILDPLATFORM, and so do we.",
  fix: "Drop --platform, or use `FROM --platform=$BUILDPLATFORM golang:1.23 AS build` with GOOS/GOARCH from TARGETOS/TARGETARCH.",
  refs: { hadolint: "DL3029", buildkit: "FromPlatformFlagConstDisallowed, RedundantTargetPlatform" },
  check(model) {
    const hits: Hit[] = [];
    for (const stage of model.stages) {
      const value = stage.from.flags.find((f) => f.name === "platform")?.value;
      if (value === undefined || value === null) continue;
      if (!value.includes("$")) hits.push({ line: stage.from.line, message: `FROM --platform=${value} is a constant platform` });
      else if (/TARGETPLATFORM/.test(value)) hits.push({ line: stage.from.line, message: "FROM --platform=$TARGETPLATFORM is redundant (it is the default)" });
    }
    return hits;
  },
});
