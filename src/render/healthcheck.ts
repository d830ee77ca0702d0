// The HEALTHCHECK command, in exec form, using a program the final image really has:
// the Python or Node.js runtime, or the static probe built for Go images (no curl).
import type { Answers } from "../model/answers.js";

export interface HealthcheckView {
  /** argv of the probe (the part after CMD). */
  argv: string[];
  /** What the probe runs with, for the comment above it. */
  tool: string;
}

export function healthcheckFor(a: Answers): HealthcheckView {
  const url = a.healthPath === null ? null : `http://127.0.0.1:${a.port}${a.healthPath}`;
  switch (a.language) {
    case "python": {
      const code = url
        ? `import urllib.request; urllib.request.urlopen('${url}', timeout=4)`
        : `import socket; socket.create_connection(('127.0.0.1', ${a.port}), timeout=4).close()`;
      return { argv: ["python", "-c", code], tool: "the image's own Python" };
    }
    case "node": {
      const node = a.base === "distroless" ? "/nodejs/bin/node" : "node";
      const code = url
        ? `fetch('${url}',{signal:AbortSignal.timeout(4000)}).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))`
        : `require('net').connect(${a.port},'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))`;
      return { argv: [node, "-e", code], tool: "the image's own Node.js" };
    }
    case "java":
      // A small heap and the C1 compiler only: the probe starts in well under a second.
      return { argv: ["java", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", "/probe", "Probe", url ?? `127.0.0.1:${a.port}`], tool: "a probe class compiled in the healthcheck stage, run by the image's own JRE" };
    case "rust":
      return { argv: ["/app/healthcheck", url ?? `127.0.0.1:${a.port}`], tool: "a std-only Rust probe built in the healthcheck stage" };
    default:
      return { argv: ["/app/healthcheck", url ?? `127.0.0.1:${a.port}`], tool: "a static probe built in the healthcheck stage" };
  }
}

/** Exec-form JSON as Dockerfile instructions take it: ["a", "b"]. */
export function execJson(argv: readonly string[]): string {
  return `[${argv.map((w) => JSON.stringify(w)).join(", ")}]`;
}
