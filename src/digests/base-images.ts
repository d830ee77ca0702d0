// The base images a plan's Dockerfile pulls, as concrete references (the version ARGs filled
// in), and the FROM value each becomes: `image:tag@sha256:...` when pinned by digest.
import type { Answers } from "../model/answers.js";
import { BASE_IMAGES, TOOL_VERSIONS } from "../model/defaults.js";

/** The uv image the Python uv build copies its binary from. */
export const UV_IMAGE = "ghcr.io/astral-sh/uv:${UV_VERSION}";

export interface StageImages {
  build: string;
  runtime: string;
  /** Python with uv only. */
  uv?: string;
}

/** The FROM references of each stage, with their version ARGs (`python:${PYTHON_VERSION}-slim-bookworm`). */
export function stageImages(a: Answers): StageImages {
  switch (a.language) {
    case "python":
      return { build: BASE_IMAGES.python.build, runtime: BASE_IMAGES.python.slim, ...(a.packageManager === "uv" ? { uv: UV_IMAGE } : {}) };
    case "node":
      return { build: BASE_IMAGES.node.build, runtime: a.base === "distroless" ? BASE_IMAGES.node.distroless : BASE_IMAGES.node.slim };
    case "go":
      return { build: BASE_IMAGES.go.build, runtime: a.base === "distroless" ? BASE_IMAGES.go.distroless : BASE_IMAGES.go.slim };
    default:
      throw new Error(`no base images for ${a.language}`);
  }
}

/** `python:${PYTHON_VERSION}-slim-bookworm` -> `python:3.12-slim-bookworm`. */
export function concreteImage(ref: string, a: Answers): string {
  const values: Record<string, string> = {
    PYTHON_VERSION: a.runtimeVersion,
    NODE_VERSION: a.runtimeVersion,
    GO_VERSION: a.runtimeVersion,
    UV_VERSION: TOOL_VERSIONS.uv,
  };
  return ref.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Every base image to resolve, concrete and without duplicates, in stage order. */
export function baseImageRefs(a: Answers): string[] {
  const s = stageImages(a);
  return [...new Set([s.uv, s.build, s.runtime].filter((r): r is string => !!r).map((r) => concreteImage(r, a)))];
}

/**
 * The FROM value of each stage: as written (with ARGs) when not pinned, else the concrete
 * reference with its digest. A digest missing here is a bug in the caller (prepare resolves all).
 */
export function fromImages(a: Answers, digests: Record<string, string>): StageImages {
  const s = stageImages(a);
  if (!a.pinDigests) return s;
  const pin = (ref: string) => {
    const concrete = concreteImage(ref, a);
    const digest = digests[concrete];
    if (!digest) throw new Error(`no digest resolved for ${concrete}`);
    return `${concrete}@${digest}`;
  };
  return { build: pin(s.build), runtime: pin(s.runtime), ...(s.uv ? { uv: pin(s.uv) } : {}) };
}
