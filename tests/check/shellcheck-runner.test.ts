// The batched shellcheck runner (one process per shell for a whole Dockerfile) must report
// exactly what one process per RUN body reports, body by body.
import { describe, expect, it } from "vitest";
import { findShellcheck } from "../../src/check/shellcheck-runner.js";
import type { ShellcheckRequest } from "../../src/check/types.js";

const runner = findShellcheck() ?? (() => { throw new Error("shellcheck is not installed (apt-get install shellcheck)"); })();

const REQUESTS: ShellcheckRequest[] = [
  { script: "apt-get update && apt-get install -y tini", shell: "sh" },
  { script: "for f in $(ls *.txt); do echo $f; done", shell: "sh" },
  // An unclosed quote must not swallow the bodies after it.
  { script: "echo \"unterminated", shell: "sh" },
  // A variable set in one body is not known in the next (each RUN is its own shell).
  { script: "NAME=app", shell: "sh" },
  { script: "echo $NAME > /tmp/name", shell: "sh" },
  { script: "[[ -n $HOME ]] && echo ok", shell: "bash" },
  { script: "[[ -n $HOME ]] && echo ok", shell: "sh" },
  { script: "cd /app; make", shell: "bash" },
];

describe("shellcheck runner", () => {
  it("batch reports, body by body, what a process per body reports", () => {
    expect(runner.batch).toBeTypeOf("function");
    const each = REQUESTS.map((r) => runner(r.script, r.shell));
    expect(runner.batch!(REQUESTS)).toEqual(each);
    // Not vacuous: the clean body is clean and the others are not.
    expect(each[0]).toEqual([]);
    expect(each[1]!.map((i) => i.code)).toContain(2045);
    expect(each[6]!.length).toBeGreaterThan(0);
    expect(each[5]).toEqual([]);
  });

  it("batch of nothing starts no process and returns nothing", () => {
    expect(runner.batch!([])).toEqual([]);
  });
});
