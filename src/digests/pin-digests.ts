// pinDigests: the digest of every base image the plan's Dockerfile pulls. Digests recorded in
// .docker-scaffold.yml are reused (a re-run is offline and reproduces the same output); the
// others are asked of their registries. Where one cannot be resolved the run stops (exit 2):
// writing the Dockerfile unpinned would silently defeat --pin-digests, which a CI user asked
// for precisely so that every build pulls the same bytes.
import { UsageError } from "../errors.js";
import type { Answers } from "../model/answers.js";
import { ANSWERS_FILE } from "../render/answers-file.js";
import { baseImageRefs } from "./base-images.js";
import type { DigestResolver } from "./registry-resolver.js";

export async function resolveBaseDigests(a: Answers, recorded: Record<string, string>, resolver?: DigestResolver): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const failures: string[] = [];
  for (const ref of baseImageRefs(a)) {
    const known = recorded[ref];
    if (known) {
      out[ref] = known;
      continue;
    }
    // The network client is loaded only on the path that needs it (HOUSE-STYLE habit 13).
    resolver ??= (await import("./registry-resolver.js")).createRegistryResolver();
    try {
      out[ref] = await resolver(ref);
    } catch (err) {
      failures.push(`  - ${ref}: ${(err as Error).message}`);
    }
  }
  if (failures.length) {
    throw new UsageError(
      `--pin-digests: the digest of ${failures.length === 1 ? "a base image" : `${failures.length} base images`} could not be resolved, so nothing was written:\n${failures.join("\n")}\n` +
        `fix: run it where the registries are reachable (Docker Hub, gcr.io, ghcr.io over HTTPS), or write the digest under digests: in ${ANSWERS_FILE} ` +
        `(\`docker buildx imagetools inspect IMAGE\` prints it), or leave digests out with --set pinDigests=false`,
    );
  }
  return out;
}
