// The GitHub Actions the generated workflow uses, each pinned to the full commit SHA of a
// release (a tag can be moved; a commit cannot: trivy-action's tags were force-pushed to
// malicious commits on 2026-03-19, CVE-2026-33634, and SHA-pinned workflows were unaffected).
// The version goes beside the SHA as a comment, which Renovate and Dependabot both update.
//
// GitHub cannot be reached from where this was written, so each SHA was checked against
// public material (the search tool over public repositories and issue threads, 2026-11-25):
// `found` says where; every pin was seen with the same version in at least two unrelated
// repositories. To bump one: take the release's commit from the action's releases page
// (`git ls-remote https://github.com/OWNER/REPO refs/tags/vX.Y.Z^{}`), change both columns.
export interface PinnedAction {
  /** owner/repo (or owner/repo/path for an action in a sub-folder). */
  uses: string;
  sha: string;
  version: string;
  found: string;
}

export const CI_ACTIONS = {
  checkout: {
    uses: "actions/checkout",
    sha: "11bd71901bbe5b1630ceea73d27597364c9af683",
    version: "v4.2.2",
    found: "pinned workflows and action allow-lists in many repositories; a runner log 'Run actions/checkout@11bd719…'",
  },
  setupQemu: {
    uses: "docker/setup-qemu-action",
    sha: "c7c53464625b32c7a7e944ae62b3e17d2b600130",
    version: "v3.7.0",
    found: "pin tables (`docker-setup-qemu: version: v3.7.0, sha: c7c5346…`) and pinned workflows",
  },
  setupBuildx: {
    uses: "docker/setup-buildx-action",
    sha: "e468171a9de216ec08956ac3ada2f0791b6bd435",
    version: "v3.11.1",
    found: "pinned workflows (`# v3.11.1`) and a runner log resolving docker/setup-buildx-action@v3 to e468171…",
  },
  login: {
    uses: "docker/login-action",
    sha: "5e57cd118135c172c3672efd75eb46360885c0ef",
    version: "v3.6.0",
    found: "pinned workflows and pin tables (`docker/login-action | v3.6.0 | 5e57cd1…`)",
  },
  metadata: {
    uses: "docker/metadata-action",
    sha: "c299e40c65443455700f0fdfc63efafe5b349051",
    version: "v5.10.0",
    found: "pinned workflows and allow-lists (`docker/metadata-action@c299e40…: v5.10.0`)",
  },
  buildPush: {
    uses: "docker/build-push-action",
    sha: "263435318d21b8e681c14492fe198d362a7d2c83",
    version: "v6.18.0",
    found: "pinned workflows and pin tables (`docker-build-push: version: v6.18.0, sha: 2634353…`)",
  },
  hadolint: {
    uses: "hadolint/hadolint-action",
    sha: "54c9adbab1582c2ef04b2016b760714a4bfde3cf",
    version: "v3.1.0",
    found: "pinned workflows (`hadolint/hadolint-action@54c9adb… # v3.1.0`) and pin tables; it runs hadolint v2.12.0, the Makefile's version",
  },
  trivy: {
    uses: "aquasecurity/trivy-action",
    sha: "57a97c7e7821a5776cebc9bb87c984fa69cba8f1",
    version: "v0.35.0",
    found: "aquasecurity/trivy-action issue #541 (0.35.0 is the release made after the tag compromise, not affected) and pull requests pinning 57a97c7… as 0.35.0",
  },
  uploadSarif: {
    uses: "github/codeql-action/upload-sarif",
    sha: "0499de31b99561a6d14a36a5f662c2a54f91beee",
    version: "v4.31.2",
    found: "pinned workflows (`github/codeql-action/init@0499de3… # v4.31.2`) and a Dependabot compare link; v4, as CodeQL Action v3 is deprecated in December 2026",
  },
} as const satisfies Record<string, PinnedAction>;

export type CiAction = keyof typeof CI_ACTIONS;

/** `owner/repo@<sha>`, for a `uses:` value (the version is written as its comment). */
export function usesRef(action: CiAction): string {
  const a = CI_ACTIONS[action];
  return `${a.uses}@${a.sha}`;
}
