import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../server/src/store/store.ts";
import { TEST_DATABASE_URL } from "../server/src/testing.ts";
import { createTestDatabase } from "../server/src/testing-postgres.ts";

const ROOT = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "vneid-user-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run user (run by npm test on SQLite and by npm run test:pg on PostgreSQL)", () => {
  it("adds a user to the database the server uses, and lists it", { timeout: 60_000 }, async () => {
    // The server's variables: DATABASE_URL when set, else the SQLite file of DATABASE_PATH.
    const env = TEST_DATABASE_URL
      ? {
          DATABASE_URL: await createTestDatabase(TEST_DATABASE_URL, null),
          DATABASE_PATH: join(dir, "unused.db"),
        }
      : { DATABASE_PATH: join(dir, "cli.db") };
    const run = (args: string[], input = "") =>
      execFileSync(process.execPath, ["--import", "tsx", "scripts/user.ts", ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: "", ...env },
        input,
        encoding: "utf8",
      });
    run(["add", "cong.an", "--role", "police", "--password-stdin"], "ruộng lúa xanh mùa gặt 2024\n");
    expect(run(["list"])).toMatch(/^cong\.an\tpolice\t-\tactive$/m);
    const store = await openStore(env.DATABASE_URL ?? env.DATABASE_PATH);
    expect((await store.findUserForLogin("cong.an"))?.user.role).toBe("police");
    await store.close();
  });
});
