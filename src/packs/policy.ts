// Policies of presets and packs, enforced on the final answers and the rendered files:
// a locked answer cannot be changed by a flag, --set, --answers, a prompt or the recorded
// answers; base images must come from the allowed registries. Both are exit 2.
import { parse } from "yaml";
import { parseImageRef } from "../check/parse/image-ref.js";
import { UsageError } from "../errors.js";
import { ANSWER_FLAGS, type Answers } from "../model/answers.js";
import type { AnswerLayer } from "../model/resolve.js";
import type { LockedAnswer, RegistryPolicy } from "./load.js";
import { answerAt } from "./load.js";

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b) || (typeof a !== "object" && typeof b !== "object" && String(a) === String(b));

function where(layer: AnswerLayer, key: string, answersFile?: string): string {
  switch (layer.source) {
    case "flag":
      return `the flag ${ANSWER_FLAGS[key.split(".")[0] as keyof Answers]?.split(" ")[0] ?? key}`;
    case "--set":
      return `--set ${key}=...`;
    case "--answers":
      return `answers.${key} in ${answersFile ?? "the --answers file"}`;
    case "answered":
      return "your answer to the prompt";
    case "recorded":
      return `answers.${key} in .docker-scaffold.yml`;
    default:
      return layer.source;
  }
}

/** Throw when an explicit layer changes a locked answer. */
export function enforceLocks(locked: readonly LockedAnswer[], layers: readonly AnswerLayer[], answersFile?: string): void {
  const problems: string[] = [];
  for (const lock of locked) {
    for (const layer of layers) {
      if (!layer.explicit) continue;
      let value = answerAt(layer.answers, lock.key);
      // --uid sets gid too: a locked gid is only changed by an explicit gid.
      if (lock.key === "gid" && layer.source === "flag" && (layer.answers as { uid?: unknown }).uid !== undefined) value = undefined;
      // A locked security block: each setting a layer gives must be the locked one.
      if (lock.key === "security" && value && typeof value === "object" && lock.value && typeof lock.value === "object") {
        const locked = lock.value as Record<string, unknown>;
        if (Object.entries(value).every(([k, v]) => equal(v, locked[k]))) continue;
      }
      if (value !== undefined && !equal(value, lock.value)) {
        problems.push(`  - ${lock.key} is locked to ${JSON.stringify(lock.value)} by preset ${lock.by}; ${where(layer, lock.key, answersFile)} sets it to ${JSON.stringify(value)}.\n    fix: remove that (a locked answer comes from the preset; ask its owners to change it)`);
      }
    }
  }
  if (problems.length) throw new UsageError(`A locked answer cannot be changed:\n${problems.join("\n")}`);
}

/** The images a Dockerfile pulls: FROM and COPY --from/RUN --mount from= that are not stages, ARGs expanded. */
export function dockerfileImages(text: string): string[] {
  const args = new Map<string, string>();
  const stages = new Set<string>();
  const images: string[] = [];
  let seenFrom = false;
  const expand = (s: string) => s.replace(/\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g, (_m, a: string, def: string, b: string) => args.get(a ?? b) ?? def ?? "");
  const lines = text.replace(/\\\n/g, " ").split("\n");
  for (const line of lines) {
    const arg = /^\s*ARG\s+(\w+)(?:=(\S*))?/i.exec(line);
    if (arg && !seenFrom && arg[2] !== undefined) args.set(arg[1]!, arg[2].replace(/^"|"$/g, ""));
    const from = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) {
      seenFrom = true;
      const image = expand(from[1]!);
      if (!stages.has(image.toLowerCase()) && image !== "scratch") images.push(image);
      if (from[2]) stages.add(from[2].toLowerCase());
      continue;
    }
    for (const m of line.matchAll(/--from=(\S+)|--mount=\S*\bfrom=([^,\s]+)/g)) {
      const ref = expand(m[1] ?? m[2]!);
      if (!stages.has(ref.toLowerCase()) && !/^\d+$/.test(ref)) images.push(ref);
    }
  }
  return images;
}

function composeImages(text: string): string[] {
  try {
    const doc = parse(text) as { services?: Record<string, { image?: unknown; build?: unknown }> };
    return Object.values(doc?.services ?? {})
      .filter((s) => typeof s?.image === "string" && s.build === undefined)
      .map((s) => String(s.image).replace(/\$\{[^}]*:-([^}]*)\}/g, "$1"));
  } catch {
    return [];
  }
}

/** `registry/path` of an image, docker.io for Docker Hub (official images under library/). */
export function imageLocation(image: string): string {
  const ref = parseImageRef(image);
  const registry = ref.registry ?? "docker.io";
  const name = ref.registry === undefined && !ref.name.includes("/") ? `library/${ref.name}` : ref.name;
  return `${registry}/${name}`;
}

export function allowed(image: string, registries: readonly string[]): boolean {
  const loc = imageLocation(image);
  return registries.some((r) => loc === r || loc.startsWith(r.replace(/\/+$/, "") + "/"));
}

/** Throw when a rendered Dockerfile or compose file pulls an image from a registry a policy does not allow. */
export function enforceRegistries(policies: readonly RegistryPolicy[], files: readonly { path: string; content: string }[]): void {
  if (!policies.length) return;
  const problems: string[] = [];
  for (const f of files) {
    const images = f.path === "Dockerfile" ? dockerfileImages(f.content) : f.path === "docker-compose.yml" ? composeImages(f.content) : [];
    for (const image of images) {
      for (const p of policies) {
        if (!allowed(image, p.registries)) problems.push(`  - ${f.path}: ${image} is not from ${p.registries.join(" or ")} (allowed by ${p.by})`);
      }
    }
  }
  if (problems.length) {
    throw new UsageError(`Base images must come from the allowed registries:\n${[...new Set(problems)].join("\n")}\nfix: use a template pack that sets images.registry to a mirror in an allowed registry, or override the partial that names the image`);
  }
}
