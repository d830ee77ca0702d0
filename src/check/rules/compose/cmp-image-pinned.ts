// CMP-IMAGE-PINNED: `image:` has an explicit, non-floating tag or a digest.
import { parseImageRef } from "../../parse/image-ref.js";
import { serviceRule } from "./service-rule.js";
import { interpolate } from "./values.js";

// dclint's prohibited tags.
const FLOATING = new Set(["latest", "stable", "edge", "test", "nightly", "dev", "beta", "canary", "lts"]);

export const cmpImagePinned = serviceRule(
  {
    id: "CMP-IMAGE-PINNED",
    severity: "high",
    title: "`image:` names an explicit version tag (not latest/stable/edge...) or a digest",
    why: "A floating tag changes under you: `docker compose pull` silently moves the service to a new major version.",
    fix: "Pin it: `image: postgres:16.4-bookworm` (for a built image, `image: myapp:1.0` or `myapp:${TAG:-dev}` with a real default).",
    refs: { cis: "5.28", trivy: "KSV-0013 (k8s analog), USR-COMPOSE-0001", owasp: "#13", dclint: "service-image-require-explicit-tag" },
  },
  (svc, dir) => {
    if (svc.data.image === undefined || svc.data.image === null) return [];
    const { value, unknown } = interpolate(svc.data.image, dir);
    if (unknown) return [];
    const ref = parseImageRef(value);
    if (ref.digest) return [];
    if (!ref.tag) return [{ line: svc.lineOf("image"), message: `service ${svc.name}: image ${value} has no tag` }];
    if (FLOATING.has(ref.tag.toLowerCase())) return [{ line: svc.lineOf("image"), message: `service ${svc.name}: image ${value} uses the floating tag ${ref.tag}` }];
    return [];
  },
);
