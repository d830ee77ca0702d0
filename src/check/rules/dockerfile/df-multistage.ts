// DF-MULTISTAGE: a Dockerfile that compiles something builds in a separate stage.
import { defineRule } from "../../rule.js";

const BUILD_STEP: Record<string, (args: string[]) => boolean> = {
  go: (a) => a[0] === "build",
  cargo: (a) => a[0] === "build" || a[0] === "install",
  mvn: (a) => a.some((x) => /^(package|install|verify)$/.test(x)),
  mvnw: (a) => a.some((x) => /^(package|install|verify)$/.test(x)),
  gradle: (a) => a.some((x) => /^(build|assemble|bootJar|installDist|jar)$/.test(x)),
  gradlew: (a) => a.some((x) => /^(build|assemble|bootJar|installDist|jar)$/.test(x)),
  javac: () => true,
  gcc: () => true,
  "g++": () => true,
  make: () => true,
  tsc: () => true,
  dotnet: (a) => a[0] === "publish" || a[0] === "build",
  npm: (a) => a[0] === "run" && /build/.test(a[1] ?? ""),
  yarn: (a) => a[0] === "build" || (a[0] === "run" && /build/.test(a[1] ?? "")),
  pnpm: (a) => a[0] === "build" || (a[0] === "run" && /build/.test(a[1] ?? "")),
};

export const dfMultistage = defineRule({
  id: "DF-MULTISTAGE",
  severity: "medium",
  target: "dockerfile",
  on: "dockerfile",
  title: "Compile in a build stage; the final stage copies artefacts only",
  why: "Building in the final image ships the compiler, sources and caches with the app: a bigger image with more to exploit.",
  fix: "Add a build stage (`FROM golang:1.23 AS build`) and `COPY --from=build` only the result into a slim or distroless final stage.",
  refs: { cis: "4.3", owasp: "#9" },
  check(model) {
    if (model.stages.length !== 1) return [];
    const stage = model.stages[0];
    const build = model.runs.find((r) => r.shell.commands.some((c) => BUILD_STEP[c.name]?.(c.args)));
    if (!stage || !build) return [];
    return [{ line: stage.from.line, message: `a single-stage build compiles at line ${build.instr.line}: the toolchain ships in the image` }];
  },
});
