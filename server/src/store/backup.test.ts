import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createReport, TEST_DATABASE_URL } from "../../test/testing.ts";
import { createTestDatabase } from "../../test/testing-postgres.ts";
import { PROJECT_ROOT } from "../config.ts";
import { seedIfEmpty } from "../seed.ts";
import { backupDatabase, backupPostgres, restoreDatabase, restorePostgres } from "./backup.ts";
import { openStore } from "./store.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("copies a database that is being written to, and the copy restores to the same figures", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vneid-backup-"));
    dirs.push(dir);
    const live = join(dir, "live.db");
    const server = await openStore(live);
    await seedIfEmpty(server, join(PROJECT_ROOT, "data"), { demoData: "tay-son-2024", homeUnit: null });
    const actor = { userId: null, username: "test", ip: null, at: new Date().toISOString() };
    // Writes keep coming while the backup runs.
    let written = 0;
    const writer = (async () => {
      for (let week = 0; week < 40; week++) {
        const date = new Date(Date.UTC(2024, 6, 6 + 7 * week)).toISOString().slice(0, 10);
        await server.saveReports(
          [createReport({ date, level2: 6500 + week, population: 7564, dual: 3700, linked: 2400 })],
          actor,
        );
        written++;
        await new Promise((done) => setImmediate(done));
      }
    })();
    const { pages } = await backupDatabase(live, join(dir, "copy.db"));
    await writer;
    expect(pages).toBeGreaterThan(0);

    const copy = await openStore(join(dir, "copy.db"));
    const copied = (await copy.reportHistories(["21850"])).get("21850") ?? [];
    await copy.close();
    // A consistent snapshot: the demo's 22 reports and a prefix of the ones written meanwhile.
    expect(copied.length).toBeGreaterThanOrEqual(22);
    expect(copied.length).toBeLessThanOrEqual(22 + written);
    expect(copied.map((r) => r.level2).slice(22)).toEqual(
      Array.from({ length: copied.length - 22 }, (_, i) => 6500 + i),
    );

    await server.close();
    restoreDatabase(join(dir, "copy.db"), live);
    const restored = await openStore(live);
    expect((await restored.reportHistories(["21850"])).get("21850")).toEqual(copied);
    await restored.close();
  });
});

describe("backup and restore on the engine under test", () => {
  it("puts back the figures of the backup, dropping what was written after it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vneid-backup-"));
    dirs.push(dir);
    const location = TEST_DATABASE_URL
      ? await createTestDatabase(TEST_DATABASE_URL, null)
      : join(dir, "live.db");
    const backup = join(dir, "backup");
    const store = await openStore(location);
    await seedIfEmpty(store, join(PROJECT_ROOT, "data"), { demoData: "tay-son-2024", homeUnit: null });
    const before = await store.reportHistories(["21850"]);
    if (TEST_DATABASE_URL) backupPostgres(location, backup);
    else await backupDatabase(location, backup);
    const actor = { userId: null, username: "test", ip: null, at: new Date().toISOString() };
    await store.saveReports([createReport({ date: "2024-07-06", level2: 7000, population: 7564 })], actor);
    await store.close();

    if (TEST_DATABASE_URL) restorePostgres(backup, location);
    else restoreDatabase(backup, location);
    const restored = await openStore(location);
    expect(await restored.reportHistories(["21850"])).toEqual(before);
    await restored.close();
  });
});
