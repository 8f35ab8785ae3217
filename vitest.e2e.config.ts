import { defineConfig } from "vitest/config";

// Browser tests: a real server on the demo data, driven through Debian's Chromium (npm run test:e2e).
export default defineConfig({
  test: {
    include: ["web/e2e/**/*.e2e.ts"],
    globalSetup: ["web/e2e/global-setup.ts"],
    // Each test's steps are bounded; a busy machine (CI runs these beside other work) only makes them slower.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Polls wait for what the page will show, not for a speed: 1 s (the default) is short on a loaded machine.
    expect: { poll: { timeout: 15_000 } },
    fileParallelism: false,
    // The servers check every answer against its contract (server/src/contract/documented.ts).
    env: { CHECK_ANSWERS: "true" },
  },
});
