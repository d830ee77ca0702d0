// CMP-NO-DOCKER-SOCKET: no bind mount of the Docker/containerd/podman socket.
import { serviceRule } from "./service-rule.js";
import { volumesOf } from "./volumes.js";

const SOCKET = /(\/(docker|containerd|podman|crio)\.sock$|^\/var\/run\/docker(\/|$)|^\/run\/docker(\/|$)|^\/run\/containerd(\/|$))/;

export const cmpNoDockerSocket = serviceRule(
  {
    id: "CMP-NO-DOCKER-SOCKET",
    severity: "critical",
    title: "The Docker (containerd, podman) socket is not mounted",
    why: "Whoever can talk to the engine socket can start a privileged container with the host's / mounted: it is root on the host, read-only mount or not.",
    fix: "Remove the socket mount; if a tool needs the API, put a filtering proxy (e.g. docker-socket-proxy) in front of it.",
    refs: { cis: "5.32", trivy: "KSV-0006 (k8s analog)", owasp: "#1" },
  },
  (svc, dir) =>
    volumesOf(svc, dir)
      .filter((v) => v.source !== undefined && SOCKET.test(v.source))
      .map((v) => ({ line: v.line, message: `service ${svc.name} mounts ${v.source}${v.readOnly ? " (read-only does not help)" : ""}` })),
);
