import { defineConfig } from "vitest/config";

// Browser tests: a real server on the demo data, driven through Debian's Chromium (npm run test:e2e).
export default defineConfig({
  test: {
    include: ["web/e2e/**/*.e2e.ts"],
    globalSetup: ["web/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Every answer of the API is checked against its contract (server/src/contract/documented.ts).
    env: { CHECK_ANSWERS: "1" },
  },
});
