// How each Node.js package manager installs from its lockfile, with a cache mount.
import { TOOL_VERSIONS } from "../model/defaults.js";

export interface NodePackageManagerView {
  name: string;
  /** Files copied before the install step (manifest and lockfile). */
  manifests: string;
  cacheDir: string;
  installAll: string;
  installProd: string;
  /** Shell command that installs the package manager in the base stage, or null. */
  setup: string | null;
  toolVersionArg: string | null;
  toolVersion: string | null;
}

export const NODE_PACKAGE_MANAGERS: Record<string, NodePackageManagerView> = {
  npm: {
    name: "npm",
    manifests: "package.json package-lock.json",
    cacheDir: "/root/.npm",
    installAll: "npm ci --no-audit --no-fund",
    installProd: "npm ci --omit=dev --no-audit --no-fund",
    setup: null,
    toolVersionArg: null,
    toolVersion: null,
  },
  pnpm: {
    name: "pnpm",
    manifests: "package.json pnpm-lock.yaml",
    cacheDir: "/pnpm/store",
    installAll: "pnpm install --frozen-lockfile --store-dir /pnpm/store",
    installProd: "pnpm install --frozen-lockfile --prod --store-dir /pnpm/store",
    setup: "npm install --global --no-audit --no-fund \"pnpm@${PNPM_VERSION}\"",
    toolVersionArg: "PNPM_VERSION",
    toolVersion: TOOL_VERSIONS.pnpm,
  },
  yarn: {
    // Yarn 1 (classic), which the official Node.js images ship.
    name: "yarn",
    manifests: "package.json yarn.lock",
    cacheDir: "/usr/local/share/.cache/yarn",
    installAll: "yarn install --frozen-lockfile --non-interactive",
    installProd: "yarn install --frozen-lockfile --non-interactive --production",
    setup: null,
    toolVersionArg: null,
    toolVersion: null,
  },
};
