// MK-DRYRUN-VALID reads Makefiles statically; GNU make (`make -n`) is the oracle: the rule
// reports a problem exactly when make refuses the file.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTexts } from "../../src/check/index.js";
import { CORPUS } from "./corpus-files.js";
import { OTHER_CASES, VALID_MAKEFILES } from "./rules/others.cases.js";

function makeAccepts(text: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), "make-oracle-"));
  writeFileSync(join(dir, "Makefile"), text);
  try {
    execFileSync("make", ["-n", "-f", "Makefile", "--no-print-directory"], { cwd: dir, stdio: "pipe", timeout: 10_000 });
    return true;
  } catch (err) {
    // "No rule to make target" / "No targets" mean it parsed; anything else did not.
    const stderr = String((err as { stderr?: Buffer }).stderr ?? "");
    return /No (rule to make target|targets)/.test(stderr);
  }
}

const cases = [
  ...VALID_MAKEFILES,
  ...(OTHER_CASES["MK-DRYRUN-VALID"]?.fail ?? []).map((c) => c.files.Makefile ?? ""),
  readFileSync(join(CORPUS, "good-python", "Makefile"), "utf8"),
];

describe("MK-DRYRUN-VALID agrees with make -n", () => {
  cases.forEach((text, i) => {
    it(`case ${i + 1}`, () => {
      const flagged = checkTexts([{ path: "Makefile", text }]).some((f) => f.ruleId === "MK-DRYRUN-VALID");
      expect(flagged, text).toBe(!makeAccepts(text));
    });
  });
});
