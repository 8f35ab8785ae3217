import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "server/src/**/*.test.ts",
      "scripts/**/*.test.ts",
      "web/src/**/*.test.{ts,tsx}",
      "docs/**/*.test.ts",
    ],
    // Every answer of the API is checked against its contract (server/src/contract/documented.ts).
    env: { CHECK_ANSWERS: "1" },
  },
});
