// Resolving an image tag to its digest over the registry HTTP API v2 (the OCI distribution
// spec), with Node's fetch: no docker daemon. Anonymous pulls still need a bearer token on
// Docker Hub, gcr.io and ghcr.io; the registry names the token service in its 401 challenge
// (`WWW-Authenticate: Bearer realm=...,service=...,scope=...`), so one code path serves all.
//
// The digest asked for is the multi-platform one (an OCI image index or a Docker manifest
// list) where the tag has one, so the pinned reference still builds linux/amd64 and arm64.
import { createHash } from "node:crypto";

/** Resolves `image:tag` to `sha256:<64 hex>`. Rejects with DigestError when it cannot. */
export type DigestResolver = (ref: string) => Promise<string>;

export class DigestError extends Error {}

export interface ImageRef {
  /** The registry host as written (docker.io for Docker Hub). */
  registry: string;
  /** The repository path on it (library/python for `python`). */
  repository: string;
  tag: string;
}

/** `python:3.12-slim` -> docker.io library/python 3.12-slim; `gcr.io/distroless/static:nonroot` -> gcr.io ... */
export function parseImageRef(ref: string): ImageRef {
  const m = /^(?:([a-z0-9.-]+(?::\d+)?|localhost)\/)?([a-z0-9._/-]+):([A-Za-z0-9_][A-Za-z0-9._-]{0,127})$/.exec(ref);
  const first = ref.split("/")[0]!;
  const hasRegistry = ref.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  if (!m) throw new DigestError(`${ref} is not an image reference with a tag (name:tag)`);
  const registry = hasRegistry ? first : "docker.io";
  const path = hasRegistry ? ref.slice(first.length + 1, ref.lastIndexOf(":")) : ref.slice(0, ref.lastIndexOf(":"));
  const repository = registry === "docker.io" && !path.includes("/") ? `library/${path}` : path;
  return { registry, repository, tag: m[3]! };
}

/** Manifest media types, the multi-platform ones first (a registry picks the first it has). */
export const MANIFEST_ACCEPT = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
].join(", ");

const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;

export interface RegistryResolverOptions {
  fetch?: typeof globalThis.fetch;
  /** The base URL of a registry's API: Docker Hub's is registry-1.docker.io. Tests point it at a local server. */
  endpoint?: (registry: string) => string;
  /** Per request (default 15 s). */
  timeoutMs?: number;
}

export function defaultEndpoint(registry: string): string {
  return registry === "docker.io" ? "https://registry-1.docker.io" : `https://${registry}`;
}

/** `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/python:pull"` */
export function parseBearerChallenge(header: string | null): Record<string, string> | null {
  if (!header || !/^bearer\s/i.test(header)) return null;
  const params: Record<string, string> = {};
  for (const m of header.slice(7).matchAll(/([a-zA-Z_]+)="([^"]*)"/g)) params[m[1]!.toLowerCase()] = m[2]!;
  return params.realm ? params : null;
}

export function createRegistryResolver(options: RegistryResolverOptions = {}): DigestResolver {
  const doFetch = options.fetch ?? globalThis.fetch;
  const endpoint = options.endpoint ?? defaultEndpoint;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const tokens = new Map<string, string>();

  const request = async (url: string, init: RequestInit): Promise<Response> => {
    try {
      return await doFetch(url, { ...init, redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new DigestError(`${new URL(url).host} could not be reached (${cause?.code ?? cause?.message ?? (err as Error).message})`);
    }
  };

  return async (ref: string) => {
    const { registry, repository, tag } = parseImageRef(ref);
    const url = `${endpoint(registry)}/v2/${repository}/manifests/${encodeURIComponent(tag)}`;
    const headers = (token?: string): Record<string, string> => ({ Accept: MANIFEST_ACCEPT, ...(token ? { Authorization: `Bearer ${token}` } : {}) });
    const key = `${registry}/${repository}`;
    // HEAD first: Docker Hub does not count HEAD requests against its pull rate limit.
    let res = await request(url, { method: "HEAD", headers: headers(tokens.get(key)) });
    if (res.status === 401) {
      const challenge = parseBearerChallenge(res.headers.get("www-authenticate"));
      if (!challenge) throw new DigestError(`${registry} asked for credentials that are not a bearer token challenge (HTTP 401)`);
      const tokenUrl = new URL(challenge.realm!);
      if (challenge.service) tokenUrl.searchParams.set("service", challenge.service);
      tokenUrl.searchParams.set("scope", challenge.scope ?? `repository:${repository}:pull`);
      const tokenRes = await request(tokenUrl.toString(), { method: "GET", headers: { Accept: "application/json" } });
      if (!tokenRes.ok) throw new DigestError(`${registry} refused an anonymous pull token for ${repository} (HTTP ${tokenRes.status}); a private image needs credentials, which --pin-digests does not use`);
      const body = (await tokenRes.json()) as { token?: string; access_token?: string };
      const token = body.token ?? body.access_token;
      if (!token) throw new DigestError(`${registry}'s token service answered without a token`);
      tokens.set(key, token);
      res = await request(url, { method: "HEAD", headers: headers(token) });
    }
    if (res.status === 404) throw new DigestError(`${ref} does not exist on ${registry} (HTTP 404)`);
    if (!res.ok) throw new DigestError(`${registry} answered HTTP ${res.status} for ${ref}`);
    const digest = res.headers.get("docker-content-digest");
    if (digest && DIGEST_RE.test(digest)) return digest;
    // No digest header (some registries omit it on HEAD): the digest is the manifest's sha256.
    const get = await request(url, { method: "GET", headers: headers(tokens.get(key)) });
    if (!get.ok) throw new DigestError(`${registry} answered HTTP ${get.status} for ${ref}`);
    return `sha256:${createHash("sha256").update(Buffer.from(await get.arrayBuffer())).digest("hex")}`;
  };
}
