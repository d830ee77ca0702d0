// DF-USERADD-NOLOG: `useradd -u <high uid>` uses -l/--no-log-init.
import { hasFlag } from "../../parse/shell.js";
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { commandsNamed } from "./commands.js";

export const dfUseraddNolog = defineRule({
  id: "DF-USERADD-NOLOG",
  severity: "low",
  target: "dockerfile",
  on: "dockerfile",
  title: "`useradd` with a high UID passes `--no-log-init`",
  why: "Without -l, useradd writes a sparse /var/log/lastlog sized by the UID (about 292 bytes per UID: 3 MB at 10001, 19 MB at 65532) and image layers are not sparse. hadolint only flags UIDs longer than 5 digits; we flag from 10000 because the generator uses 10001.",
  fix: "Add `--no-log-init` (or `-l`): `useradd --no-log-init -u 10001 -g app app`.",
  refs: { hadolint: "DL3046" },
  check(model) {
    const hits: Hit[] = [];
    for (const { run, cmd } of commandsNamed(model, ["useradd"])) {
      const a = cmd.args;
      let uid: string | undefined;
      a.forEach((w, i) => {
        if (w === "-u" || w === "--uid") uid = a[i + 1];
        else if (w.startsWith("--uid=")) uid = w.slice(6);
        else if (/^-u\d+$/.test(w)) uid = w.slice(2);
      });
      if (uid === undefined || !/^\d+$/.test(uid) || Number(uid) < 10000) continue;
      if (hasFlag(a, ["no-log-init"], ["l"])) continue;
      hits.push({ line: run.instr.line, message: `useradd -u ${uid} without --no-log-init` });
    }
    return hits;
  },
});
