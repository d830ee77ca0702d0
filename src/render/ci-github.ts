// .github/workflows/docker.yml (issue 9), built as data and serialised with `yaml`
// (HOUSE-STYLE habit 5). Three jobs:
//   lint     BuildKit build checks, hadolint and `docker-scaffold check`, SARIF to code scanning
//   build    the image for linux/amd64 with the GitHub Actions cache, scanned by Trivy
//   publish  on v* tags and default-branch pushes only: multi-arch, SBOM, provenance, pushed
// Pull requests (forks included) run lint and build with a read-only token and never publish:
// the publish job runs only on `push` events, which a fork cannot trigger here.
import { Document, Scalar, isMap, isScalar, isSeq, visit } from "yaml";
import { DEFAULT_CI_IMAGE } from "../model/answers.js";
import { CI_ACTIONS, usesRef, type CiAction } from "../model/ci-actions.js";
import { TOOL_VERSIONS } from "../model/defaults.js";
import type { Plan } from "../model/plan.js";

/** Code scanning uploads need a token that may write security events: not a fork's or Dependabot's. */
const CAN_UPLOAD = "github.event_name != 'pull_request' || (github.event.pull_request.head.repo.full_name == github.repository && github.actor != 'dependabot[bot]')";
/** Publishing: release tags and the default branch, pushed to this repository. */
const PUBLISHES = "github.event_name == 'push' && (startsWith(github.ref, 'refs/tags/v') || github.ref == format('refs/heads/{0}', github.event.repository.default_branch))";

const PLATFORMS = "linux/amd64,linux/arm64";

/** The registry part of an image repository (ghcr.io/acme/api -> ghcr.io). */
export function registryOf(image: string): string {
  return image === DEFAULT_CI_IMAGE ? "ghcr.io" : image.split("/")[0]!;
}

function step(name: string, action: CiAction, withInputs?: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, ...extra, uses: usesRef(action), ...(withInputs ? { with: withInputs } : {}) };
}

const checkout = () => step("Check out", "checkout", { "persist-credentials": false });

function upload(name: string, file: string, category: string): Record<string, unknown> {
  return step(name, "uploadSarif", { sarif_file: file, category }, { if: `\${{ !cancelled() && (${CAN_UPLOAD}) }}` });
}

export function githubWorkflow(plan: Plan): Record<string, unknown> {
  const a = plan.answers;
  const registry = registryOf(a.image);
  const ghcr = registry === "ghcr.io";
  const scanTag = `${a.name}:ci-scan`;

  const lint = {
    name: "Lint (build checks, hadolint, docker-scaffold check)",
    "runs-on": "ubuntu-latest",
    // A hung step (a registry that never answers) is stopped long before GitHub's 6 hours.
    "timeout-minutes": 15,
    permissions: { contents: "read", "security-events": "write" },
    steps: [
      checkout(),
      step("Set up Buildx", "setupBuildx"),
      // `--check` evaluates BuildKit's build checks without building; it fails on a violation.
      { name: "BuildKit build checks", run: "docker buildx build --check ." },
      step("hadolint", "hadolint", { dockerfile: "Dockerfile", format: "sarif", "output-file": "hadolint.sarif" }, { if: "${{ !cancelled() }}" }),
      {
        name: "docker-scaffold check",
        if: "${{ !cancelled() }}",
        // The same rules as `make lint`; the SARIF is written even when findings fail the step.
        run: `npx --yes ${plan.generator.name}@${plan.generator.version} check --sarif > docker-scaffold.sarif`,
      },
      upload("Upload hadolint SARIF", "hadolint.sarif", "hadolint"),
      upload("Upload docker-scaffold SARIF", "docker-scaffold.sarif", "docker-scaffold"),
    ],
  };

  const build = {
    name: "Build and scan (Trivy)",
    "runs-on": "ubuntu-latest",
    "timeout-minutes": 30,
    permissions: { contents: "read", "security-events": "write" },
    steps: [
      checkout(),
      step("Set up Buildx", "setupBuildx"),
      step("Build for linux/amd64 (loaded for the scan)", "buildPush", {
        context: ".",
        target: "runtime",
        platforms: "linux/amd64",
        load: true,
        push: false,
        tags: scanTag,
        "cache-from": "type=gha",
        "cache-to": "type=gha,mode=max",
      }),
      // Fixable CRITICAL and HIGH vulnerabilities fail the job, as `make scan` does.
      step("Scan with Trivy", "trivy", {
        "image-ref": scanTag,
        version: `v${TOOL_VERSIONS.trivy}`,
        severity: "CRITICAL,HIGH",
        "ignore-unfixed": true,
        format: "sarif",
        output: "trivy.sarif",
        "limit-severities-for-sarif": true,
        "exit-code": "1",
      }),
      upload("Upload Trivy SARIF", "trivy.sarif", "trivy"),
    ],
  };

  const login = ghcr
    ? { registry, username: "${{ github.actor }}", password: "${{ secrets.GITHUB_TOKEN }}" }
    : { registry, username: "${{ secrets.REGISTRY_USERNAME }}", password: "${{ secrets.REGISTRY_PASSWORD }}" };
  const publish = {
    name: `Publish ${PLATFORMS} (SBOM, provenance)`,
    needs: ["lint", "build"],
    if: `\${{ ${PUBLISHES} }}`,
    "runs-on": "ubuntu-latest",
    // arm64 under QEMU emulation is slow: a cold multi-arch build takes a while.
    "timeout-minutes": 60,
    permissions: ghcr ? { contents: "read", packages: "write" } : { contents: "read" },
    steps: [
      checkout(),
      step("Set up QEMU (arm64 on an amd64 runner)", "setupQemu", { platforms: "arm64" }),
      step("Set up Buildx", "setupBuildx"),
      step(`Log in to ${registry}`, "login", login),
      step("Tags and OCI labels from git", "metadata", {
        // metadata-action lowercases the name (docker/metadata-action#16): ghcr.io refuses an
        // upper-case owner, which github.repository may have.
        images: "${{ env.IMAGE }}",
        // 1.2.3, 1.2 and 1 on a v1.2.3 tag (no bare major for 0.x); latest and the branch
        // name on the default branch only; sha-<short> on every published build.
        tags: [
          "type=semver,pattern={{version}}",
          "type=semver,pattern={{major}}.{{minor}}",
          "type=semver,pattern={{major}},enable=${{ !startsWith(github.ref, 'refs/tags/v0.') }}",
          "type=raw,value=latest,enable={{is_default_branch}}",
          "type=ref,event=branch",
          "type=sha",
        ].join("\n") + "\n",
        flavor: "latest=false\n",
      }, { id: "meta" }),
      step("Build and push", "buildPush", {
        context: ".",
        target: "runtime",
        platforms: PLATFORMS,
        push: true,
        tags: "${{ steps.meta.outputs.tags }}",
        labels: "${{ steps.meta.outputs.labels }}",
        annotations: "${{ steps.meta.outputs.annotations }}",
        // The Dockerfile's own OCI label arguments, so a plain `docker inspect` agrees.
        "build-args": [
          "VERSION=${{ steps.meta.outputs.version }}",
          "REVISION=${{ github.sha }}",
          "SOURCE=${{ github.server_url }}/${{ github.repository }}",
        ].join("\n") + "\n",
        sbom: true,
        provenance: "mode=max",
        "cache-from": "type=gha",
        "cache-to": "type=gha,mode=max",
      }),
    ],
  };

  return {
    name: "docker",
    on: {
      push: { branches: ["main"], tags: ["v*"] },
      pull_request: null,
      workflow_dispatch: null,
    },
    permissions: { contents: "read" },
    // A newer push to the same branch or pull request cancels the run it supersedes.
    concurrency: { group: "${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}", "cancel-in-progress": true },
    env: { IMAGE: a.image, DOCKER_METADATA_ANNOTATIONS_LEVELS: "manifest,index" },
    jobs: { lint, build, publish },
  };
}

export function renderGithubWorkflow(plan: Plan): string {
  const doc = new Document(githubWorkflow(plan));
  // `uses: owner/repo@<sha> # vX.Y.Z`: the version Renovate and Dependabot read and bump.
  const versions = new Map(Object.values(CI_ACTIONS).map((a) => [`${a.uses}@${a.sha}`, a.version]));
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "uses" && isScalar(pair.value)) {
        const version = versions.get(String(pair.value.value));
        if (version) (pair.value as Scalar).comment = ` ${version}`;
      }
    },
  });
  // Steps and jobs apart by a blank line, for people reading it.
  const jobs = doc.get("jobs", true);
  if (isMap(jobs)) {
    jobs.items.forEach((p, i) => i > 0 && isScalar(p.key) && (p.key.spaceBefore = true));
    for (const p of jobs.items) {
      const steps = isMap(p.value) ? p.value.get("steps", true) : null;
      if (isSeq(steps)) steps.items.forEach((s, i) => i > 0 && ((s as { spaceBefore?: boolean }).spaceBefore = true));
    }
  }
  doc.commentBefore =
    ` ${plan.answers.name}: build, check, scan and publish the container image. Generated by\n` +
    ` ${plan.generator.name} (--ci github); README.Docker.md ("CI") explains each job.\n` +
    ` Pull requests (forks too) run lint and build with a read-only token; only v* tags and\n` +
    ` pushes to the default branch publish ${plan.answers.image === DEFAULT_CI_IMAGE ? "to ghcr.io" : `to ${registryOf(plan.answers.image)}`}.\n` +
    " Every action is pinned to a commit SHA, its version in the comment beside it.";
  // `pull_request:` and `workflow_dispatch:` take no settings: printed as empty keys.
  return doc.toString({ lineWidth: 0, nullStr: "" });
}
