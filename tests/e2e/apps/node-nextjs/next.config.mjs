import path from "node:path";
import { fileURLToPath } from "node:url";

// Pin the project root to this folder so that .next/standalone/server.js sits at the top of
// the standalone output even when a parent folder has its own lockfile.
const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  outputFileTracingRoot: root,
  turbopack: { root },
  experimental: {
    // Keep the ISR/route cache in memory: the container's root filesystem is read-only.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
