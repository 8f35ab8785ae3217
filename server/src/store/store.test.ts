import { describe, expect, it } from "vitest";
import {
  createEmptyDatabase,
  createEmptyStore,
  createReport,
  createUser,
  TEST_ENGINE,
} from "../../test/testing.ts";
import { assessmentReads } from "../domain/assessment-reads.ts";
import { statement, withCheckPlansKept } from "./sql/sql.ts";

const ACTOR = { userId: null, username: "test", ip: null, at: "2024-02-10T03:00:00Z" };

describe("store", () => {
  it("keeps one report per unit and date, and refuses counts that break the rules", async () => {
    const store = await createEmptyStore();
    await store.saveUnits([
      { id: "547", name: "Huyện Tây Sơn", kind: "district", parentId: null },
      { id: "21850", name: "Xã Tây Phú", kind: "commune", parentId: "547" },
    ]);
    await store.insertReports([createReport()]);
    await expect(store.insertReports([createReport({ level2: 600 })])).rejects.toThrow(/unique/i);
    await expect(
      store.insertReports([createReport({ date: "2024-02-10", dual: 600, level2: 500 })]),
    ).rejects.toThrow(/check/i);
    await expect(store.insertReports([createReport({ unitId: "99999" })])).rejects.toThrow(/foreign key/i);
    expect(await store.reportCount()).toBe(1);
  });

  it("inserts a batch of reports in one transaction: all or none", async () => {
    const store = await createEmptyStore();
    await store.saveUnits([{ id: "21850", name: "Xã Tây Phú", kind: "commune", parentId: null }]);
    const batch = [
      createReport({ date: "2024-02-03" }),
      createReport({ date: "2024-02-10" }),
      createReport({ date: "2024-02-10" }),
    ];
    await expect(store.insertReports(batch)).rejects.toThrow();
    expect(await store.reportCount()).toBe(0);
  });

  it("reads for an assessment the window, the latest two reports and the baseline", async () => {
    const store = await createEmptyStore();
    await store.saveUnits([{ id: "21850", name: "Xã Tây Phú", kind: "commune", parentId: null }]);
    const dates = [
      "2024-01-27",
      "2024-02-03",
      "2024-02-10",
      "2024-03-02",
      "2024-03-09",
      "2024-04-20",
      "2024-05-04",
    ];
    await store.insertReports(dates.map((date, i) => createReport({ date, level2: 500 + i })));
    const campaign = await store.campaign();
    const read = await store.reportsForAssessment(["21850"], assessmentReads(campaign, "2024-04-27"));
    // Baseline 2024-02-03, the latest two (2024-03-09, 2024-04-20), the window from 2024-03-30.
    expect(read.get("21850")?.map((r) => r.date)).toEqual(["2024-02-03", "2024-03-09", "2024-04-20"]);
  });
});

describe("bulk writes", () => {
  it("keep the checks' plans only while they write: foreign keys still refuse, reads are planned with their values after", async () => {
    const { store, sql } = await createEmptyDatabase();
    await store.saveUnits([{ id: "21850", name: "Xã Tây Phú", kind: "commune", parentId: null }]);
    const mode = statement(
      TEST_ENGINE === "postgres"
        ? "SELECT current_setting('plan_cache_mode') AS mode"
        : "SELECT 'none' AS mode",
    );
    const modes = await sql.transaction(async (tx) => {
      const during = await withCheckPlansKept(tx, async () => (await tx.get<{ mode: string }>(mode))?.mode);
      return [during, (await tx.get<{ mode: string }>(mode))?.mode];
    });
    expect(modes).toEqual(TEST_ENGINE === "postgres" ? ["auto", "force_custom_plan"] : ["none", "none"]);
    await expect(store.saveReports([createReport({ unitId: "99999" })], ACTOR)).rejects.toThrow(
      /foreign key/i,
    );
    await store.saveReports([createReport(), createReport({ date: "2024-02-10", level2: 5300 })], ACTOR);
    expect(await store.reportCount()).toBe(2);
  });
});

describe("audit log", () => {
  it("cannot be changed or erased, even with SQL", async () => {
    const { store, sql } = await createEmptyDatabase();
    await createUser(store, { username: "an" });
    const [entry] = await store.auditLog({ limit: 10 });
    expect(entry?.action).toBe("user.create");
    await expect(sql.run(statement("UPDATE audit_log SET action = 'x'"))).rejects.toThrow(/append-only/);
    await expect(sql.run(statement("DELETE FROM audit_log"))).rejects.toThrow(/append-only/);
    expect((await store.auditLog({ limit: 10 })).map((e) => e.action)).toEqual(["user.create"]);
  });
});

describe("sign-in attempts", () => {
  it("writes a refused attempt once per window, however many follow it", async () => {
    const { store, sql } = await createEmptyDatabase();
    const limit = { key: "pair:203.0.113.9|admin", max: 1, windowMs: 60_000 };
    const rows = async () =>
      (await sql.get<{ n: number }>(statement("SELECT count(*) AS n FROM login_failures")))?.n;
    expect(await store.claimAttempt([limit], 1_000)).toMatchObject({ ok: true });
    const refusals = [];
    for (let i = 0; i < 50; i++) refusals.push(await store.claimAttempt([limit], 2_000 + i));
    expect(refusals.map((r) => r.ok && "ok")).toEqual(Array(50).fill(false));
    expect(refusals.filter((r) => !r.ok && r.firstRefusal)).toHaveLength(1);
    expect(Number(await rows())).toBe(2); // the attempt and the first refusal
    // A refusal after the window is the first of a new one, to be audited again.
    expect(await store.claimAttempt([limit], 1_000 + 59_999)).toMatchObject({
      ok: false,
      firstRefusal: false,
    });
    expect(await store.claimAttempt([limit], 2_000 + 60_000)).toMatchObject({ ok: true });
  });
});
