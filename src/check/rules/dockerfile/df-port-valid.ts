// DF-PORT-VALID: EXPOSE takes ports 0-65535 with a lower-case protocol and no host mapping.
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";
import { exposeEntries } from "./expose.js";

export const dfPortValid = defineRule({
  id: "DF-PORT-VALID",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "EXPOSE lists valid ports (0-65535, lower-case tcp/udp/sctp, no host:container mapping)",
  why: "An invalid EXPOSE fails the build or is silently ignored; publishing belongs to `docker run -p`, not the image.",
  fix: "Write `EXPOSE 8080` or `EXPOSE 8080/udp`; map host ports at run time.",
  refs: { hadolint: "DL3011", trivy: "DS-0008", buildkit: "ExposeProtoCasing, ExposeInvalidFormat" },
  check(model) {
    const hits: Hit[] = [];
    for (const e of exposeEntries(model)) {
      if (e.value === undefined) continue;
      const line = e.instr.line;
      if (e.value.includes(":")) {
        hits.push({ line, message: `EXPOSE ${e.raw} maps a host port: EXPOSE takes container ports only` });
        continue;
      }
      const m = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/.exec(e.value);
      if (!m) {
        hits.push({ line, message: `EXPOSE ${e.raw} is not a port` });
        continue;
      }
      const low = Number(m[1]);
      const high = m[2] === undefined ? low : Number(m[2]);
      const proto = m[3];
      if (low > 65535 || high > 65535 || high < low) hits.push({ line, message: `EXPOSE ${e.raw} is outside 0-65535` });
      if (proto !== undefined && !/^(tcp|udp|sctp)$/i.test(proto)) hits.push({ line, message: `EXPOSE ${e.raw}: unknown protocol ${proto}` });
      else if (proto !== undefined && proto !== proto.toLowerCase()) hits.push({ line, message: `EXPOSE ${e.raw}: write the protocol in lower case` });
    }
    return hits;
  },
});
