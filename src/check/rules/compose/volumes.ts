// Service volumes in short (`./src:/app:ro`) and long syntax, interpolated.
import type { ServiceView } from "../../parse/compose.js";
import type { DirFiles } from "../../rule.js";
import { asList, interpolate } from "./values.js";

export interface VolumeSpec {
  line: number;
  type: string;
  source: string | undefined;
  target: string;
  readOnly: boolean;
  propagation: string | undefined;
}

export function volumesOf(svc: ServiceView, dir: DirFiles): VolumeSpec[] {
  return asList(svc.data.volumes).map((entry, i) => {
    const line = svc.lineOf("volumes", i);
    if (entry && typeof entry === "object") {
      const o = entry as Record<string, unknown>;
      const bind = (o.bind ?? {}) as Record<string, unknown>;
      return {
        line,
        type: String(o.type ?? "volume"),
        source: o.source === undefined ? undefined : interpolate(o.source, dir).value,
        target: String(o.target ?? ""),
        readOnly: o.read_only === true,
        propagation: bind.propagation === undefined ? undefined : String(bind.propagation),
      };
    }
    const text = interpolate(entry, dir).value;
    const parts = text.split(":");
    if (parts.length === 1) return { line, type: "volume", source: undefined, target: text, readOnly: false, propagation: undefined };
    const [source, target = "", mode = ""] = parts;
    const isBind = /^(\/|\.|~|[A-Za-z]:\\)/.test(source ?? "");
    const options = mode.split(",");
    return {
      line,
      type: isBind ? "bind" : "volume",
      source,
      target,
      readOnly: options.includes("ro"),
      propagation: options.find((o) => /^r?(shared|slave|private)$/.test(o)),
    };
  });
}
