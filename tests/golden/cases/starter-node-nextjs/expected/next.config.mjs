import path from "node:path";
import { fileURLToPath } from "node:url";

// The project root is this folder, so that .next/standalone/server.js sits at the top of
// the standalone output even when a parent folder has a lockfile of its own.
const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The container runs the standalone server (node server.js), see the Dockerfile.
  output: "standalone",
  poweredByHeader: false,
  outputFileTracingRoot: root,
  turbopack: { root },
  experimental: {
    // Keep the ISR cache in memory: the container's root filesystem is read-only.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
