// Where a rule overlaps dockerlinter's (its JS port of hadolint's rules), check and dockerlinter
// agree on every corpus Dockerfile, or the difference is listed below with the reason.
// Lines are compared per instruction (dockerlinter reports the physical line inside a RUN).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import { describe, expect, it } from "vitest";
import { checkPaths } from "../../src/check/index.js";
import { CASES, CORPUS } from "./corpus-files.js";
import { CODE_TO_RULE, dockerlinter } from "./dockerlinter.js";

const WHY = {
  noUser:
    "No USER at all: dockerlinter's EU0001 (like hadolint's DL3002) fires only on an explicit `USER root`; the rulebook follows Trivy DS-0002 and Checkov CKV_DOCKER_3, which also flag a missing USER.",
  style: "DF-STYLE also covers DL3059 (consecutive RUNs), DL3048 (label keys), legacy `ENV k v` and empty continuation lines; dockerlinter implements only instruction casing (EI0005).",
  stageCasing: "DF-STAGE-NAMES also checks name casing and FROM/AS casing (BuildKit StageNameCasing, FromAsCasing); dockerlinter only checks uniqueness (EF0002).",
  addRemote: "dockerlinter's EA0001 only matches URLs ending in .tar.{gz,xz,bz2}; the rulebook flags every remote ADD without --checksum.",
  addMultiDest: "The destination rule applies to ADD as well as COPY (Docker requires the trailing / for both); dockerlinter's EC0004 checks COPY only.",
  downloaderWord: "dockerlinter takes the first *word* curl/wget in a RUN as the tool in use, including the package name in `apk add curl`; check looks at commands, so the first tool used is wget (line 3) and curl (line 4) is the second.",
  fromExpansion: "check expands ARG defaults in FROM as BuildKit does: `python:${PY_TAG}` with no PY_TAG is `python:` (an empty tag); dockerlinter sees the ':' and stops.",
  onbuildMaintainer: "`ONBUILD MAINTAINER` is reported once, as DF-ONBUILD; dockerlinter also reports it as a MAINTAINER (EI0003).",
  aptCacheMount: "The RUN keeps apt lists in BuildKit cache mounts (/var/lib/apt, /var/cache/apt), which hadolint's DL3009 and check accept; dockerlinter does not know cache mounts.",
  aptCleanKey:
    "DF-APT-CLEAN follows hadolint's DL3009: it flags the RUN with `apt-get update` that creates the lists without removing them; dockerlinter's ER0002 flags each `apt-get install` instead.",
  heredoc: "dockerlinter does not read RUN heredocs (it reports their lines as invalid, EL0001); check parses the heredoc body as shell.",
  duration: "`HEALTHCHECK --interval=5` has no unit: dockerfile-utils' validator (DF-SYNTAX-VALID) rejects it, as Docker does; dockerlinter does not check durations.",
  unclosedJson: "An unclosed JSON array is a DF-SYNTAX-VALID finding; dockerlinter's JSON check (EJ0001) needs both brackets and ignores it.",
  aptFrontend: "check applies the apt-get install rules to `apt install` too (and DF-APT-GET-NOT-APT flags the `apt`); dockerlinter's ER0010/ER0012 only look at apt-get.",
};

/** `case/side/RULE@line` -> why check and dockerlinter differ there. */
const KNOWN: Record<string, string> = {
  "df-add-everything/ours/DF-ADD-REMOTE@2": WHY.addRemote,
  "df-add-everything/ours/DF-COPY-MULTI-DEST@5": WHY.addMultiDest,
  "df-alpine-apk/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-alpine-apk/ours/DF-STYLE@3": WHY.style,
  "df-alpine-apk/ours/DF-STYLE@4": WHY.style,
  "df-alpine-apk/ours/DF-ONE-DOWNLOADER@4": WHY.downloaderWord,
  "df-alpine-apk/theirs/DF-ONE-DOWNLOADER@3": WHY.downloaderWord,
  "df-apt-unauthenticated/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-centos-yum/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-centos-yum/ours/DF-STYLE@3": WHY.style,
  "df-chown-consecutive/ours/DF-STYLE@5": WHY.style,
  "df-chown-consecutive/ours/DF-STYLE@6": WHY.style,
  "df-curl-and-wget/ours/DF-STYLE@5": WHY.style,
  "df-curl-and-wget/ours/DF-STYLE@6": WHY.style,
  "df-global-arg-scope/ours/DF-BASE-TAGGED@7": WHY.fromExpansion,
  "df-go-install-unpinned/ours/DF-STYLE@3": WHY.style,
  "df-golang-single-stage/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-golang-single-stage/ours/DF-STYLE@5": WHY.style,
  "df-golang-single-stage/ours/DF-STYLE@6": WHY.style,
  "df-java-maven-single/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-multiple-cmd-shell-entrypoint/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-nginx-privileged-port/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-node-latest/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-node-yarn-npm-install/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-node-yarn-npm-install/ours/DF-STYLE@5": WHY.style,
  "df-onbuild-base/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-onbuild-base/theirs/DF-NO-MAINTAINER@4": WHY.onbuildMaintainer,
  "df-pip-cache-mount/theirs/DF-APT-CLEAN@8": WHY.aptCacheMount,
  "df-pip-named-user/ours/DF-STYLE@3": WHY.style,
  "df-python-flask-naive/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-relative-paths/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-stage-mixups/ours/DF-STAGE-NAMES@1": WHY.stageCasing,
  "df-stage-mixups/ours/DF-USER-NONROOT@11": WHY.noUser,
  "df-style-mess/ours/DF-STYLE@3": WHY.style,
  "df-style-mess/ours/DF-STYLE@4": WHY.style,
  "df-style-mess/ours/DF-STYLE@6": WHY.style,
  "df-style-mess/ours/DF-STYLE@7": WHY.style,
  "df-style-mess/ours/DF-STYLE@10": WHY.style,
  "df-syntax-errors/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-syntax-errors/ours/DF-SYNTAX-VALID@4": WHY.duration,
  "df-tls-insecure/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-tls-insecure/ours/DF-STYLE@5": WHY.style,
  "df-tls-insecure/ours/DF-STYLE@6": WHY.style,
  "df-tls-insecure/ours/DF-STYLE@7": WHY.style,
  "df-ubuntu-kitchen-sink/ours/DF-USER-NONROOT@1": WHY.noUser,
  "df-ubuntu-kitchen-sink/ours/DF-APT-CLEAN@3": WHY.aptCleanKey,
  "df-ubuntu-kitchen-sink/theirs/DF-APT-CLEAN@4": WHY.aptCleanKey,
  "df-ubuntu-kitchen-sink/theirs/DF-APT-CLEAN@6": WHY.aptCleanKey,
  "df-ubuntu-kitchen-sink/ours/DF-STYLE@4": WHY.style,
  "df-ubuntu-kitchen-sink/ours/DF-STYLE@5": WHY.style,
  "df-ubuntu-kitchen-sink/ours/DF-STYLE@6": WHY.style,
  "df-unterminated-heredoc/ours/DF-USER-NONROOT@2": WHY.noUser,
  "df-unterminated-heredoc/ours/DF-APT-CLEAN@3": WHY.heredoc,
  "df-unterminated-heredoc/ours/DF-APT-PIN@3": WHY.heredoc,
  "df-unterminated-json/ours/DF-SYNTAX-VALID@4": WHY.unclosedJson,
  "df-upgrade-and-apt/ours/DF-APT-NO-RECOMMENDS@2": WHY.aptFrontend,
  "df-upgrade-and-apt/ours/DF-APT-PIN@2": WHY.aptFrontend,
  "df-volumes-sysdirs/ours/DF-USER-NONROOT@1": WHY.noUser,
};

const SHARED = new Set(Object.values(CODE_TO_RULE));

async function differences(name: string): Promise<string[]> {
  const file = join(CORPUS, name, "Dockerfile");
  const text = readFileSync(file, "utf8");
  const ranges = DockerfileParser.parse(text)
    .getInstructions()
    .map((i) => [i.getRange().start.line + 1, i.getRange().end.line + 1] as const);
  const startOf = (line: number) => ranges.find(([a, b]) => line >= a && line <= b)?.[0] ?? line;
  const theirs = new Set(
    (await dockerlinter(file)).filter((f) => CODE_TO_RULE[f.code]).map((f) => `${CODE_TO_RULE[f.code]}@${startOf(f.line)}`),
  );
  const result = await checkPaths({ cwd: join(CORPUS, name), config: {} });
  const ours = new Set(result.findings.filter((f) => f.file === "Dockerfile" && SHARED.has(f.ruleId)).map((f) => `${f.ruleId}@${f.line}`));
  return [
    ...[...ours].filter((x) => !theirs.has(x)).map((x) => `${name}/ours/${x}`),
    ...[...theirs].filter((x) => !ours.has(x)).map((x) => `${name}/theirs/${x}`),
  ];
}

describe("agreement with dockerlinter on the corpus", () => {
  const withDockerfile = CASES.filter((c) => existsSync(join(CORPUS, c, "Dockerfile")));

  it("covers the corpus Dockerfiles", () => {
    expect(withDockerfile.length).toBeGreaterThanOrEqual(30);
  });

  it("agrees, except for the explained differences", async () => {
    const found = (await Promise.all(withDockerfile.map(differences))).flat().sort();
    const unexplained = found.filter((d) => !KNOWN[d]);
    const stale = Object.keys(KNOWN).filter((k) => !found.includes(k));
    expect({ unexplained, stale }).toEqual({ unexplained: [], stale: [] });
  }, 120_000);

  it("agrees completely on the hardened examples (both report nothing)", async () => {
    for (const name of ["good-python", "good-node", "good-go"]) {
      const raw = await dockerlinter(join(CORPUS, name, "Dockerfile"));
      expect(raw, name).toEqual([]);
    }
  }, 60_000);
});
