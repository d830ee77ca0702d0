// CMP-BUILD-IMAGE-PULLPOLICY: a service with build and image sets `pull_policy: build`.
import { serviceRule } from "./service-rule.js";

export const cmpBuildImagePullpolicy = serviceRule(
  {
    id: "CMP-BUILD-IMAGE-PULLPOLICY",
    severity: "low",
    title: "A service with both `build` and `image` sets `pull_policy: build`",
    why: "Otherwise `docker compose pull` / `up` may pull an image of that name from a registry instead of building yours.",
    fix: "Add `pull_policy: build`.",
    refs: { dclint: "no-build-and-image" },
  },
  (svc) =>
    svc.data.build !== undefined && svc.data.image !== undefined && svc.data.pull_policy !== "build"
      ? [{ line: svc.lineOf("image"), message: `service ${svc.name} has build and image but no pull_policy: build` }]
      : [],
);
