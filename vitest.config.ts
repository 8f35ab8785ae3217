import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "server/src/**/*.test.ts",
      "scripts/**/*.test.ts",
      "web/src/**/*.test.{ts,tsx}",
      "docs/**/*.test.ts",
    ],
  },
});
