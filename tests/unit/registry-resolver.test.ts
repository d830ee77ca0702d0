// --pin-digests against a local HTTP server standing in for registries (no network here):
// the exact requests (HEAD with the manifest-list/OCI-index Accept header, the 401 bearer
// challenge, the anonymous token request, the retry with the token), the rendered FROM lines,
// the digests recorded and reused offline, and the exit-2 error when a registry is unreachable.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createRegistryResolver, DigestError, MANIFEST_ACCEPT, parseBearerChallenge, parseImageRef } from "../../src/digests/registry-resolver.js";
import { UsageError } from "../../src/errors.js";
import { runInit } from "../../src/init/run-init.js";
import { tempDir } from "../helpers/tmp.js";
import { renderCaseArgs } from "../golden/render-case.js";

interface Seen { method: string; path: string; accept?: string; authorization?: string }

const digestOf = (repo: string, tag: string) => `sha256:${createHash("sha256").update(`${repo}:${tag}`).digest("hex")}`;
/** A manifest whose HEAD carries no Docker-Content-Digest: the digest is the sha256 of its bytes. */
const NO_HEADER_BODY = JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests: [] });

let server: Server;
let base = "";
let seen: Seen[] = [];

function handle(req: IncomingMessage, res: import("node:http").ServerResponse): void {
  const url = new URL(req.url!, base);
  seen.push({ method: req.method!, path: `${url.pathname}${url.search}`, accept: req.headers.accept, authorization: req.headers.authorization });
  if (url.pathname === "/token") {
    const scope = url.searchParams.get("scope") ?? "";
    if (url.searchParams.get("service") !== "registry.test" || !/^repository:[a-z0-9/._-]+:pull$/.test(scope)) return void res.writeHead(400).end();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ token: `tok-${scope.split(":")[1]}` }));
    return;
  }
  const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
  if (!m) return void res.writeHead(404).end();
  const [, repo, tag] = m as unknown as [string, string, string];
  if (req.headers.authorization !== `Bearer tok-${repo}`) {
    res.writeHead(401, { "www-authenticate": `Bearer realm="${base}/token",service="registry.test",scope="repository:${repo}:pull"` }).end();
    return;
  }
  if (tag === "missing") return void res.writeHead(404).end();
  if (repo === "acme/noheader") {
    res.writeHead(200, { "content-type": "application/vnd.oci.image.index.v1+json", "content-length": Buffer.byteLength(NO_HEADER_BODY) });
    return void res.end(req.method === "HEAD" ? undefined : NO_HEADER_BODY);
  }
  res.writeHead(200, { "docker-content-digest": digestOf(repo, tag), "content-type": "application/vnd.oci.image.index.v1+json" }).end();
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
beforeEach(() => {
  seen = [];
});

/** Every registry (docker.io, gcr.io, ghcr.io) is the local server. */
const local = () => createRegistryResolver({ endpoint: () => base, timeoutMs: 5000 });

describe("image references", () => {
  it("name Docker Hub's library images, gcr.io and ghcr.io repositories", () => {
    expect(parseImageRef("python:3.12-slim-bookworm")).toEqual({ registry: "docker.io", repository: "library/python", tag: "3.12-slim-bookworm" });
    expect(parseImageRef("gcr.io/distroless/static-debian12:nonroot")).toEqual({ registry: "gcr.io", repository: "distroless/static-debian12", tag: "nonroot" });
    expect(parseImageRef("ghcr.io/astral-sh/uv:0.5.11")).toEqual({ registry: "ghcr.io", repository: "astral-sh/uv", tag: "0.5.11" });
    expect(parseImageRef("acme/api:1")).toEqual({ registry: "docker.io", repository: "acme/api", tag: "1" });
    expect(() => parseImageRef("python")).toThrow(DigestError);
  });

  it("read the bearer challenge", () => {
    expect(parseBearerChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/python:pull"')).toEqual({
      realm: "https://auth.docker.io/token",
      service: "registry.docker.io",
      scope: "repository:library/python:pull",
    });
    expect(parseBearerChallenge('Basic realm="x"')).toBeNull();
  });
});

describe("the registry resolver", () => {
  it("does the token dance and asks for the multi-platform manifest first", async () => {
    const digest = await local()("python:3.12-slim-bookworm");
    expect(digest).toBe(digestOf("library/python", "3.12-slim-bookworm"));
    expect(MANIFEST_ACCEPT.split(", ")).toEqual([
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.v2+json",
    ]);
    expect(seen).toEqual([
      { method: "HEAD", path: "/v2/library/python/manifests/3.12-slim-bookworm", accept: MANIFEST_ACCEPT, authorization: undefined },
      { method: "GET", path: "/token?service=registry.test&scope=repository%3Alibrary%2Fpython%3Apull", accept: "application/json", authorization: undefined },
      { method: "HEAD", path: "/v2/library/python/manifests/3.12-slim-bookworm", accept: MANIFEST_ACCEPT, authorization: "Bearer tok-library/python" },
    ]);
  });

  it("reuses a repository's token, and hashes the manifest where HEAD has no digest header", async () => {
    const resolve = local();
    await resolve("gcr.io/distroless/static-debian12:nonroot");
    await resolve("gcr.io/distroless/static-debian12:debug");
    expect(seen.filter((s) => s.path.startsWith("/token"))).toHaveLength(1);
    seen = [];
    expect(await resolve("ghcr.io/acme/noheader:1")).toBe(`sha256:${createHash("sha256").update(NO_HEADER_BODY).digest("hex")}`);
    expect(seen.map((s) => s.method)).toEqual(["HEAD", "GET", "HEAD", "GET"]);
  });

  it("names what failed: a missing tag, an unreachable registry", async () => {
    await expect(local()("python:missing")).rejects.toThrow(/python:missing does not exist on docker.io \(HTTP 404\)/);
    const closed = createRegistryResolver({ endpoint: () => "http://127.0.0.1:9", timeoutMs: 2000 });
    await expect(closed("python:3.12")).rejects.toThrow(/127\.0\.0\.1:9 could not be reached/);
  });
});

describe("init --pin-digests", () => {
  const args = ["--preset", "node-express", "--yes", "--name", "web", "--base", "distroless", "--pin-digests"];

  it("writes image:tag@sha256 in every FROM, records the digests, and re-runs offline", async () => {
    const dir = tempDir("pin-");
    await runInit({ dir, resolveDigest: local(), ...renderCaseArgs(args) });
    const dockerfile = readFileSync(join(dir, "Dockerfile"), "utf8");
    const froms = dockerfile.split("\n").filter((l) => l.startsWith("FROM "));
    expect(froms).toEqual([
      `FROM node:22-bookworm-slim@${digestOf("library/node", "22-bookworm-slim")} AS tini`,
      `FROM node:22-bookworm-slim@${digestOf("library/node", "22-bookworm-slim")} AS base`,
      "FROM base AS deps",
      `FROM gcr.io/distroless/nodejs22-debian12:nonroot@${digestOf("distroless/nodejs22-debian12", "nonroot")} AS runtime`,
    ]);
    expect(dockerfile).not.toContain("ARG NODE_VERSION");
    const recorded = parse(readFileSync(join(dir, ".docker-scaffold.yml"), "utf8")) as { answers: Record<string, unknown>; digests: Record<string, string> };
    expect(recorded.answers.pinDigests).toBe(true);
    expect(recorded.digests).toEqual({
      "node:22-bookworm-slim": digestOf("library/node", "22-bookworm-slim"),
      "gcr.io/distroless/nodejs22-debian12:nonroot": digestOf("distroless/nodejs22-debian12", "nonroot"),
    });
    // Two images, each: HEAD, token, HEAD.
    expect(seen).toHaveLength(6);
    seen = [];
    // The second run asks no registry: a resolver that fails proves it is not called.
    const again = await runInit({ dir, dryRun: true, flags: {}, resolveDigest: () => Promise.reject(new Error("no network")) });
    expect(again.files.filter((f) => f.status !== "identical")).toEqual([]);
    expect(seen).toEqual([]);
  });

  it("keeps a digest that Renovate or Dependabot moved on: `update` merges, the record stays offline", async () => {
    const dir = tempDir("pin-");
    await runInit({ dir, resolveDigest: local(), ...renderCaseArgs(args) });
    const path = join(dir, "Dockerfile");
    const old = digestOf("distroless/nodejs22-debian12", "nonroot");
    const bumped = `sha256:${"b".repeat(64)}`;
    writeFileSync(path, readFileSync(path, "utf8").replace(old, bumped));
    const { runUpdate } = await import("../../src/update/run-update.js");
    const result = await runUpdate({ dir, allowDirty: true, resolveDigest: () => Promise.reject(new Error("no network")) });
    expect(result.files.find((f) => f.path === "Dockerfile")).toMatchObject({ status: "kept" });
    expect(readFileSync(path, "utf8")).toContain(`nonroot@${bumped} AS runtime`);
  });

  it("stops with exit 2, naming the image and the fix, and writes nothing when a registry is unreachable", async () => {
    const dir = tempDir("pin-");
    const err = await runInit({ dir, resolveDigest: createRegistryResolver({ endpoint: () => "http://127.0.0.1:9", timeoutMs: 2000 }), ...renderCaseArgs(args) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(2);
    const message = (err as Error).message;
    expect(message).toContain("node:22-bookworm-slim: 127.0.0.1:9 could not be reached");
    expect(message).toContain("gcr.io/distroless/nodejs22-debian12:nonroot");
    expect(message).toMatch(/fix: .*digests: in \.docker-scaffold\.yml.*--set pinDigests=false/);
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(dir)).toEqual([]);
  });
});
