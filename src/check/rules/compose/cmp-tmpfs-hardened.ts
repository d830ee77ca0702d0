// CMP-TMPFS-HARDENED: tmpfs mounts use noexec,nosuid and a size.
import { serviceRule } from "./service-rule.js";
import { asList } from "./values.js";

export const cmpTmpfsHardened = serviceRule(
  {
    id: "CMP-TMPFS-HARDENED",
    severity: "low",
    title: "tmpfs mounts use `noexec,nosuid` and a `size=`",
    why: "A writable, executable /tmp undoes much of read_only: it is where downloaded payloads are run from; an unbounded tmpfs eats memory.",
    fix: "Write `tmpfs: [\"/tmp:rw,noexec,nosuid,size=64m\"]`.",
    refs: { cis: "5.13", owasp: "#8" },
  },
  (svc) => {
    const hits = asList(svc.data.tmpfs).flatMap((t, i) => {
      const [path, opts = ""] = String(t).split(/:(.*)/s);
      const o = opts.split(",");
      const missing = ["noexec", "nosuid"].filter((x) => !o.includes(x));
      if (!o.some((x) => x.startsWith("size="))) missing.push("size=");
      return missing.length ? [{ line: svc.lineOf("tmpfs", i), message: `service ${svc.name}: tmpfs ${path} lacks ${missing.join(", ")}` }] : [];
    });
    // Long-syntax tmpfs volumes can only set a size (and mode); require the size.
    asList(svc.data.volumes).forEach((v, i) => {
      if (!v || typeof v !== "object" || (v as Record<string, unknown>).type !== "tmpfs") return;
      const size = ((v as Record<string, unknown>).tmpfs as Record<string, unknown> | undefined)?.size;
      if (size === undefined) hits.push({ line: svc.lineOf("volumes", i), message: `service ${svc.name}: tmpfs volume has no size` });
    });
    return hits;
  },
);
