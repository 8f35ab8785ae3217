import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../server/src/app.ts";
import { seedIfEmpty } from "../server/src/seed.ts";
import { openStore } from "../server/src/store/store.ts";
import { getJson, TEST_CONFIG, TEST_DATABASE_URL } from "../server/test/testing.ts";
import { createTestDatabase } from "../server/test/testing-postgres.ts";

const ROOT = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "vneid-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The server's variables for a new database of the engine under test: DATABASE_URL when set (the
 * tools prefer it), else the SQLite file of DATABASE_PATH.
 */
async function databaseEnv(name: string): Promise<{ DATABASE_URL?: string; DATABASE_PATH: string }> {
  return TEST_DATABASE_URL
    ? {
        DATABASE_URL: await createTestDatabase(TEST_DATABASE_URL, null),
        DATABASE_PATH: join(dir, "unused.db"),
      }
    : { DATABASE_PATH: join(dir, `${name}.db`) };
}

describe("npm run user (run by npm test on SQLite and by npm run test:pg on PostgreSQL)", () => {
  it("adds a user to the database the server uses, and lists it", { timeout: 60_000 }, async () => {
    const env = await databaseEnv("cli");
    const run = (args: string[], input = "") =>
      execFileSync(process.execPath, ["--import", "tsx", "scripts/user.ts", ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: "", ...env },
        input,
        encoding: "utf8",
      });
    run(["add", "cong.an", "--role", "police", "--password-stdin"], "ruộng lúa xanh mùa gặt 2024\n");
    expect(run(["list"])).toMatch(/^cong\.an\tpolice\t-\tactive\tpassword-only$/m);
    const store = await openStore(env.DATABASE_URL ?? env.DATABASE_PATH);
    const found = (await store.findUserForLogin("cong.an"))?.user;
    expect(found?.role).toBe("police");
    // A lost phone: the second factor is reset from the command line (audited), as from the web.
    const actor = { userId: null, username: "test", ip: null, at: new Date().toISOString() };
    await store.beginSecondFactor(found?.id ?? 0, "JBSWY3DPEHPK3PXP");
    await store.confirmSecondFactor(found?.id ?? 0, 1, [], actor);
    expect(run(["list"])).toMatch(/^cong\.an\tpolice\t-\tactive\tsecond-factor$/m);
    expect(run(["reset-second-factor", "cong.an"])).toContain("Reset the second factor of cong.an");
    expect((await store.findUserForLogin("cong.an"))?.user.secondFactor).toBe(false);
    expect((await store.auditLog({ action: "user.second_factor_reset", limit: 1 }))[0]?.username).toMatch(
      /^cli:/,
    );
    await store.close();
  });
});

describe("npm run units -- reorganise (on both engines, as npm run user)", () => {
  it("applies the merger table to a fresh demo database: 21808 is Xã Tây Sơn on 01/09/2025", {
    timeout: 60_000,
  }, async () => {
    const env = await databaseEnv("units");
    const run = (args: string[]) =>
      execFileSync(process.execPath, ["--import", "tsx", "scripts/units.ts", ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: "", DEMO_DATA: "true", ...env },
        encoding: "utf8",
      });
    // The server fills the empty database at its start (the command-line tools never do).
    const seeded = await openStore(env.DATABASE_URL ?? env.DATABASE_PATH);
    await seedIfEmpty(seeded, TEST_CONFIG.dataDir, { demoData: "tay-son-2024", homeUnit: null });
    await seeded.close();
    const preview = run(["reorganise", "--date", "2025-07-01", "--dry-run"]);
    expect(preview).toContain(
      "Xã Tây Sơn (21808) ← Thị trấn Phú Phong (21808) + Xã Tây Xuân (21844) + Xã Bình Nghi (21847)",
    );
    expect(preview).toContain("Dry run: nothing changed.");
    expect(run(["reorganise", "--date", "2025-07-01"])).toContain("Applied:");
    expect(run(["reorganise", "--date", "2025-07-01"])).toContain(
      "already applied to this deployment: nothing changed",
    );
    expect(() => run(["reorganise", "--date", "2025-07-02"])).toThrow(/already reorganised on 2025-07-01/);

    const store = await openStore(env.DATABASE_URL ?? env.DATABASE_PATH);
    const app = createApp({ store, config: TEST_CONFIG, checkAnswers: true });
    const latest = await store.reportHistories(["21808", "21844", "21847"]);
    const population = [...latest.values()].reduce(
      (sum, reports) => sum + Number(reports.at(-1)?.population),
      0,
    );
    const tay = (await getJson(app, "/api/overview?unit=21808&date=2025-09-01")).body;
    expect(tay.unit.name).toBe("Xã Tây Sơn");
    expect(tay.figures.population).toBe(population);
    expect((await getJson(app, "/api/overview?unit=547&date=2025-09-01")).body.children).toHaveLength(5);
    await store.close();
  });
});

describe("three processes applying the change at once (on both engines)", () => {
  it("apply it once: one applies, the others find it applied or are refused; one open version per code", {
    timeout: 90_000,
  }, async () => {
    const env = await databaseEnv("race");
    const seeded = await openStore(env.DATABASE_URL ?? env.DATABASE_PATH);
    await seedIfEmpty(seeded, TEST_CONFIG.dataDir, { demoData: "tay-son-2024", homeUnit: null });
    await seeded.close();
    const run = (date: string) =>
      new Promise<{ code: number; out: string }>((done) => {
        execFile(
          process.execPath,
          ["--import", "tsx", "scripts/units.ts", "reorganise", "--date", date],
          { cwd: ROOT, env: { ...process.env, DATABASE_URL: "", ...env }, encoding: "utf8" },
          (error, stdout, stderr) =>
            done({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
        );
      });
    const results = await Promise.all(["2025-07-01", "2025-07-01", "2025-07-02"].map(run));
    expect(results.filter((r) => r.out.includes("Applied:"))).toHaveLength(1);
    for (const r of results.filter((r) => !r.out.includes("Applied:")))
      expect(r.out).toMatch(/nothing changed|already reorganised/i);
    const store = await openStore(env.DATABASE_URL ?? env.DATABASE_PATH);
    const history = await store.unitHistory();
    for (const code of ["21808", "21817", "21835"])
      expect(history.versionsOf(code).filter((v) => !v.validTo)).toHaveLength(1);
    expect(new Set(history.lineage.map((l) => l.date)).size).toBe(1);
    await store.close();
  });
});

describe("the command-line tools on a real install (DEMO_DATA=false)", () => {
  it("never load the demo into its database", { timeout: 60_000 }, async () => {
    const env = await databaseEnv("real");
    const run = (script: string, args: string[], input = "") =>
      execFileSync(process.execPath, ["--import", "tsx", script, ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: "", DEMO_DATA: "false", ...env },
        input,
        encoding: "utf8",
        stdio: ["pipe", "pipe", "pipe"],
      });
    run(
      "scripts/user.ts",
      ["add", "quan.tri", "--role", "admin", "--password-stdin"],
      "ruộng lúa xanh mùa gặt 2024\n",
    );
    expect(() => run("scripts/units.ts", ["reorganise", "--dry-run"])).toThrow(
      /no commune valid on 2025-06-30/,
    );
    const store = await openStore(env.DATABASE_URL ?? env.DATABASE_PATH);
    expect((await store.unitHistory()).versions).toEqual([]);
    expect(await store.reportCount()).toBe(0);
    await store.close();
  });
});
