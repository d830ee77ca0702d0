// Stage helpers shared by the Dockerfile rules: the final stage, a stage's ancestry
// (`FROM build AS final` inherits USER, WORKDIR, SHELL, HEALTHCHECK...), its root image.
import type { DockerfileModel, Instr, RunInfo, Stage } from "../../parse/dockerfile.js";
import { shortName, type ImageRef } from "../../parse/image-ref.js";

export function finalStage(model: DockerfileModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}

/** The stage and its parents, root first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && chain.length < 64; s = s.parent) chain.unshift(s);
  return chain;
}

/** Instructions that shape the stage's image, inherited ones first. */
export function effectiveInstructions(stage: Stage): Instr[] {
  return stageChain(stage).flatMap((s) => s.instructions);
}

export function rootRef(stage: Stage): ImageRef | undefined {
  return stageChain(stage)[0]?.ref;
}

export function runsOf(model: DockerfileModel, stage?: Stage): RunInfo[] {
  if (!stage) return model.runs;
  const chain = new Set(stageChain(stage));
  return model.runs.filter((r) => r.instr.stage && chain.has(r.instr.stage));
}

export function isScratch(ref: ImageRef | undefined): boolean {
  return ref?.name === "scratch" && !ref.tag && !ref.registry;
}

/** Images without a shell or package manager. */
export function isDistroless(ref: ImageRef | undefined): boolean {
  if (!ref) return false;
  if (isScratch(ref)) return true;
  const full = `${ref.registry ?? ""}/${ref.name}`;
  return /distroless/.test(full) || ref.registry === "cgr.dev" || /(^|\/)static$/.test(ref.name) && /distroless|chainguard/.test(full);
}

/** Final-stage images the rulebook accepts as minimal (DF-BASE-MINIMAL). */
export function isMinimalImage(ref: ImageRef | undefined): boolean {
  if (!ref) return false;
  if (isDistroless(ref)) return true;
  const tag = (ref.tag ?? "").toLowerCase();
  const name = shortName(ref);
  if (/(^|[-.])(slim|alpine|minimal|micro|distroless|jre|headless)([-.\d]|$)/.test(tag)) return true;
  if (/(^|-)(alpine|busybox|ubi[0-9]*-(minimal|micro)|wolfi-base|static)$/.test(name)) return true;
  return /-(slim|minimal|micro)$/.test(name);
}

/** A RUN has a BuildKit cache mount whose target starts with one of the prefixes. */
export function hasCacheMount(run: RunInfo, prefixes: readonly string[]): boolean {
  return run.mounts.some((m) => {
    if ((m.type ?? "") !== "cache") return false;
    const target = m.target ?? m.dst ?? m.destination ?? "";
    return prefixes.some((p) => target === p || target.startsWith(p.endsWith("/") ? p : p + "/") || p.startsWith(target + "/"));
  });
}

/** Value of an ENV/ARG visible at the instruction (dockerfile-ast resolves per line). */
export function resolveVar(model: DockerfileModel, name: string, line: number): string | null | undefined {
  try {
    return model.ast.resolveVariable(name, line - 1);
  } catch {
    return undefined;
  }
}
