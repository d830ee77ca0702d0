import { defineConfig } from "vitest/config";

// Two projects: `unit` (fast, no container engine) and `e2e` (real builds in the
// container lab, serial, long timeouts). `npm test` runs both; see README.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/golden/**/*.test.ts", "tests/cli/**/*.test.ts", "tests/check/**/*.test.ts", "tests/detect/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 20 * 60_000,
          hookTimeout: 20 * 60_000,
          fileParallelism: false,
          sequence: { concurrent: false },
        },
      },
    ],
  },
});
