// `--set key=value` (repeatable): the value is YAML-typed (`port=8000` is a number,
// `healthPath=null` is null, `startCommand=[node, dist/main.js]` a list); dotted keys
// reach into `security` (`security.readOnly=false`).
import { parse as parseYaml } from "yaml";
import { UsageError } from "../errors.js";
import { ANSWER_KEYS, SECURITY_KEYS, isAnswerKey, type PartialAnswers } from "./answers.js";

export function parseSetValues(pairs: readonly string[]): PartialAnswers {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) {
      throw new UsageError(`--set ${JSON.stringify(pair)} is not key=value.\nfix: write --set port=8000 (keys: ${ANSWER_KEYS.join(", ")})`);
    }
    const key = pair.slice(0, eq).trim();
    const raw = pair.slice(eq + 1);
    let value: unknown;
    try {
      value = raw === "" ? "" : parseYaml(raw);
    } catch (err) {
      throw new UsageError(`--set ${key}: the value ${JSON.stringify(raw)} is not valid YAML (${(err as Error).message.split("\n")[0]}).\nfix: quote it, e.g. --set '${key}="${raw.replace(/"/g, '\\"')}"'`);
    }
    // A version is text: YAML reads `3.10` as the number 3.1 (and `1.20` as 1.2).
    if (key === "runtimeVersion" && typeof value === "number") value = raw.trim();
    const [head, sub, ...rest] = key.split(".");
    if (!head || !isAnswerKey(head) || rest.length > 0) {
      throw new UsageError(`--set ${key}: unknown answer key.\nfix: use one of ${ANSWER_KEYS.join(", ")} (and security.<${SECURITY_KEYS.join("|")}>)`);
    }
    if (sub !== undefined) {
      if (head !== "security" || !(SECURITY_KEYS as readonly string[]).includes(sub)) {
        throw new UsageError(`--set ${key}: unknown answer key.\nfix: only security has sub-keys: security.<${SECURITY_KEYS.join("|")}>`);
      }
      const security = (out.security ??= {}) as Record<string, unknown>;
      security[sub] = value;
    } else {
      out[head] = value;
    }
  }
  return out as PartialAnswers;
}
