// DF-TLS-VERIFY: never disable TLS certificate verification (flags in RUN, ENV/ARG settings).
import type { Instr } from "../../parse/dockerfile.js";
import { hasFlag } from "../../parse/shell.js";
import { defineRule } from "../../rule.js";
import type { Hit } from "../../types.js";

/** Environment settings that switch verification off: name -> predicate on the value. */
const BAD_ENV: Record<string, (v: string) => boolean> = {
  PYTHONHTTPSVERIFY: (v) => v === "0",
  NODE_TLS_REJECT_UNAUTHORIZED: (v) => v === "0",
  NPM_CONFIG_STRICT_SSL: (v) => /^(false|0|no)$/i.test(v),
  YARN_STRICT_SSL: (v) => /^(false|0|no)$/i.test(v),
  GIT_SSL_NO_VERIFY: (v) => v !== "" && !/^(false|0|no)$/i.test(v),
  PIP_TRUSTED_HOST: (v) => v !== "",
  GOINSECURE: (v) => v !== "",
  GOFLAGS: (v) => /-insecure/.test(v),
  CURL_INSECURE: (v) => v !== "" && !/^(false|0)$/i.test(v),
};

export const dfTlsVerify = defineRule({
  id: "DF-TLS-VERIFY",
  severity: "high",
  target: "dockerfile",
  on: "dockerfile",
  title: "TLS verification is never disabled",
  why: "Skipping certificate checks lets anyone on the network path serve the build its own packages and scripts.",
  fix: "Remove the flag or setting; install the needed CA certificate (ca-certificates, or COPY a corporate CA and run update-ca-certificates).",
  refs: { checkov: "CKV2_DOCKER_2, CKV2_DOCKER_3, CKV2_DOCKER_4, CKV2_DOCKER_5, CKV2_DOCKER_6, CKV2_DOCKER_12, CKV2_DOCKER_13, CKV2_DOCKER_14, CKV2_DOCKER_15, CKV2_DOCKER_16, CKV2_DOCKER_18" },
  check(model) {
    const hits: Hit[] = [];
    for (const instr of model.instructions) if (instr.keyword === "ENV" || instr.keyword === "ARG") hits.push(...envHits(instr));
    for (const run of model.runs) {
      const line = run.instr.line;
      for (const cmd of run.shell.commands) {
        for (const a of cmd.assignments) {
          const [k, v = ""] = a.split("=", 2) as [string, string?];
          if (BAD_ENV[k]?.(v)) hits.push({ line, message: `${k}=${v} turns TLS verification off` });
        }
        const a = cmd.args;
        if (cmd.name === "curl" && hasFlag(a, ["insecure"], ["k"])) hits.push({ line, message: "curl -k/--insecure skips certificate checks" });
        if (cmd.name === "wget" && a.includes("--no-check-certificate")) hits.push({ line, message: "wget --no-check-certificate skips certificate checks" });
        if (/^pip[0-9.]*$/.test(cmd.name) || (/^python/.test(cmd.name) && a.includes("pip"))) {
          if (a.some((x) => x === "--trusted-host" || x.startsWith("--trusted-host="))) hits.push({ line, message: "pip --trusted-host accepts that host without TLS verification" });
        }
        if (["npm", "yarn", "pnpm"].includes(cmd.name)) {
          const text = a.join(" ");
          if (/strict-ssl(\s+|=)false/.test(text)) hits.push({ line, message: `${cmd.name} strict-ssl false skips certificate checks` });
        }
        if (cmd.name === "git" && /http\.sslverify(\s+|=)(false|0)/i.test(a.join(" "))) hits.push({ line, message: "git http.sslVerify=false skips certificate checks" });
        if (["yum", "dnf", "microdnf", "tdnf"].includes(cmd.name) && /sslverify=(0|false)/i.test(a.join(" "))) hits.push({ line, message: `${cmd.name} sslverify off skips certificate checks` });
      }
      if (/^\s*export\s+/m.test(run.script) || /\bexport\b/.test(run.script)) {
        for (const [k, bad] of Object.entries(BAD_ENV)) {
          const m = new RegExp(`export\\s+${k}=["']?([^\\s"';&|]*)`).exec(run.script);
          if (m && bad(m[1] ?? "")) hits.push({ line, message: `export ${k}=${m[1] ?? ""} turns TLS verification off` });
        }
      }
    }
    return hits;
  },
});

function envHits(instr: Instr): Hit[] {
  const props = (instr.node as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties();
  const hits: Hit[] = [];
  for (const p of props) {
    const bad = BAD_ENV[p.getName().toUpperCase()];
    const value = p.getValue() ?? "";
    if (bad && (instr.keyword === "ENV" || value !== "") && bad(value)) {
      hits.push({ line: instr.line, message: `${instr.keyword} ${p.getName()}=${value} turns TLS verification off` });
    }
  }
  return hits;
}
