// The "what was hardened, and why" table of README.Docker.md, from the answers.
import type { Answers } from "../model/answers.js";

export interface HardeningRow {
  what: string;
  where: string;
  why: string;
}

export function hardeningRows(a: Answers): HardeningRow[] {
  const rows: HardeningRow[] = [
    { what: "multi-stage build", where: "Dockerfile", why: "compilers, package-manager caches and sources of the build stay out of the final image" },
    { what: "lockfile installs before the sources, with cache mounts", where: "Dockerfile", why: "reproducible dependencies; a source change does not re-run the install" },
    { what: `numeric non-root user ${a.uid}:${a.gid}`, where: "Dockerfile `USER`, compose `user`", why: "a compromised app is not root; Kubernetes `runAsNonRoot` can verify a numeric uid" },
    { what: "application files owned by root", where: "Dockerfile `COPY`", why: "the app cannot modify its own code" },
    { what: "exec-form `HEALTHCHECK` without curl", where: "Dockerfile, compose", why: "the probe works in the final image and adds no tools to it" },
    { what: "explicit base image tags, versions as `ARG`s", where: "Dockerfile", why: "reproducible builds; `make docker-build` passes `--pull` for patched bases" },
  ];
  if (a.language === "java") rows.push({ what: "container-aware JVM: `-XX:MaxRAMPercentage=75`, `-XX:+ExitOnOutOfMemoryError`", where: "Dockerfile `CMD`", why: "the heap follows the memory limit; an out-of-memory JVM exits and is restarted instead of limping on" });
  if (a.language !== "go" && a.language !== "java") rows.push({ what: "tini as PID 1", where: "Dockerfile `ENTRYPOINT`", why: "SIGTERM reaches the server, so `docker stop` is prompt; zombies are reaped" });
  if (a.base === "distroless") rows.push({ what: "distroless final image", where: "Dockerfile", why: "no shell or package manager for an attacker to use" });
  else rows.push({ what: "setuid/setgid binaries deleted", where: "Dockerfile", why: "no binary in the image can raise privileges" });
  if (a.security.readOnly) rows.push({ what: "read-only root filesystem, tmpfs `/tmp` (noexec, nosuid)", where: "compose `read_only`, `tmpfs`", why: "nothing can be written outside the tmpfs, and nothing run from it" });
  if (a.security.dropCapabilities) rows.push({ what: "all Linux capabilities dropped", where: "compose `cap_drop: [ALL]`", why: "the app needs none to serve on a port above 1024" });
  if (a.security.noNewPrivileges) rows.push({ what: "no-new-privileges", where: "compose `security_opt`", why: "no process can gain privileges through setuid binaries" });
  rows.push(
    { what: `limits: ${a.security.memory} memory, ${a.security.cpus} CPU, ${a.security.pids} processes`, where: "compose", why: "a leak or fork bomb cannot take the host down" },
    { what: "restart `on-failure:5`", where: "compose", why: "a crash loop stops instead of running forever (CIS 5.15)" },
    { what: `port published on ${a.security.bindAddress} only`, where: "compose `ports`, `make docker-run`", why: "not reachable from other hosts unless you put a proxy in front" },
    { what: "bounded json-file logs", where: "compose `logging`", why: "logs cannot fill the disk" },
    { what: "secrets, VCS data and local files ignored", where: ".dockerignore", why: "`.env`, keys and `.git` never reach the build context or an image layer" },
  );
  return rows;
}
