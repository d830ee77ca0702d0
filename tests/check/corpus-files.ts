// Where the corpus lives and how its expected findings are written.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../../src/check/index.js";

export const CORPUS = join(import.meta.dirname, "corpus");
export const CASES = readdirSync(CORPUS).sort();

export function renderFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity} | ${f.message}`).join("\n") + "\n";
}
