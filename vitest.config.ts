import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "server/src/**/*.test.ts",
      "scripts/**/*.test.ts",
      "web/src/**/*.test.{ts,tsx}",
      "docs/**/*.test.ts",
    ],
    // A test's work is bounded by its inputs (fixed numbers of runs), not by time: a busy machine or
    // PostgreSQL may take several times the default 5 s for the property tests.
    testTimeout: 30_000,
  },
});
