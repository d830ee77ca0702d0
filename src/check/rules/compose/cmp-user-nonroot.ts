// CMP-USER-NONROOT: `user:` is a non-root uid:gid, or the service's own Dockerfile ends non-root.
import { finalUser, isRootUser } from "../dockerfile/user.js";
import { serviceRule } from "./service-rule.js";
import { asList, builtDockerfile, interpolate } from "./values.js";
import type { DirFiles } from "../../rule.js";

/**
 * Official images whose entrypoint starts as root only to chown its data directories and then
 * runs the server as the image's own user (gosu/su-exec): postgres, mysql, mariadb, mongo,
 * redis, rabbitmq. Without `user:` the server does not run as root; accepted when every
 * capability is dropped (the root phase then has only what the service adds back).
 */
const DROPS_ROOT_IMAGE = /^(?:docker\.io\/)?(?:library\/)?(?:postgres|mysql|mariadb|mongo|redis|rabbitmq):[^@\s]+$/;

function dropsRootItself(image: unknown, capDrop: unknown, dir: DirFiles): boolean {
  if (typeof image !== "string") return false;
  const ref = interpolate(image, dir);
  return !ref.unknown && DROPS_ROOT_IMAGE.test(ref.value.trim()) && asList(capDrop).some((c) => String(c).toUpperCase() === "ALL");
}

export const cmpUserNonroot = serviceRule(
  {
    id: "CMP-USER-NONROOT",
    severity: "high",
    title: "The service runs as a non-root user (`user: \"10001:10001\"`, or a non-root USER in its Dockerfile)",
    why: "Root in the container is root against the kernel: the first step of most container escapes.",
    fix: "Set `user: \"10001:10001\"` (or make the image's last USER non-root).",
    refs: { cis: "4.1", trivy: "KSV-0012, KSV-0105, KSV-0020/0021 (k8s analog)", owasp: "#2" },
  },
  (svc, dir) => {
    if (svc.data.user !== undefined && svc.data.user !== null) {
      const { value, unknown } = interpolate(svc.data.user, dir);
      if (unknown) return [];
      const user = value.split(":")[0];
      return isRootUser(user) ? [{ line: svc.lineOf("user"), message: `service ${svc.name} runs as ${value}` }] : [];
    }
    if (dropsRootItself(svc.data.image, svc.data.cap_drop, dir)) return [];
    const df = builtDockerfile(svc, dir);
    const u = df ? finalUser(df) : undefined;
    if (u?.instr && u.user !== undefined && !isRootUser(u.user)) return [];
    const why = df
      ? `its Dockerfile ${df.file.base} does not end with a non-root USER`
      : svc.data.build !== undefined
        ? "the Dockerfile it builds is not beside the compose file, so its USER cannot be checked"
        : "the image's user cannot be checked";
    return [{ line: svc.line, message: `service ${svc.name} sets no user: and ${why}` }];
  },
  { absence: true },
);
