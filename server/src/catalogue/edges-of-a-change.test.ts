// The edges of a change of units, on both engines: applied once, late reports never dropped,
// an approved week locks both trees, choosing the area again only adds.
import { describe, expect, it } from "vitest";
import {
  createAppWithoutArea,
  createDemoApp,
  createUser,
  getJson,
  json,
  postJson,
  signIn,
} from "../../test/testing.ts";

const actor = { userId: null, username: "test", ip: null, at: new Date().toISOString() };

async function demoAsAdmin() {
  const { app, store } = await createDemoApp();
  await createUser(store, { username: "quan-tri", role: "admin" });
  return { app, store, admin: await signIn(app, "quan-tri") };
}

const reorganise = (app: Parameters<typeof postJson>[0], admin: string, body: object, dryRun = false) =>
  postJson(app, `/api/area/reorganisation${dryRun ? "?dryRun=true" : ""}`, body, admin);

/** The versions of the codes valid on a date, as /api/units lists them. */
async function codesOn(app: Parameters<typeof getJson>[0], date: string) {
  const units = (await getJson(app, `/api/units?date=${date}`)).body.units as { id: string }[];
  return units.map((u) => u.id);
}

describe("a change is applied once", () => {
  it("refuses a second change of the same communes on another date, and keeps one open version per code", async () => {
    const { app, store, admin } = await demoAsAdmin();
    expect((await reorganise(app, admin, { date: "2025-07-01" })).status).toBe(200);
    const again = await reorganise(app, admin, { date: "2025-07-02" });
    expect(again.status).toBe(422);
    expect((await json(again)).error.message).toContain("already reorganised on 2025-07-01");
    const preview = await json(await reorganise(app, admin, { date: "2025-07-02" }, true));
    expect(preview.problems[0]).toContain("a second change on 2025-07-02 is refused");
    const codes = await codesOn(app, "2025-09-01");
    expect(codes.filter((id) => id === "21808")).toHaveLength(1);
    expect((await getJson(app, "/api/overview?unit=547&date=2025-09-01")).body.flags).not.toContainEqual(
      expect.objectContaining({ code: "DATA" }),
    );
    expect(await store.auditLog({ action: "units.reorganise", limit: 10 })).toHaveLength(1);
  });

  it("serialises concurrent applications: one applies, the others find it applied or are refused", async () => {
    const { app, store, admin } = await demoAsAdmin();
    const dates = ["2025-07-01", "2025-07-01", "2025-07-01", "2025-07-02", "2025-07-03", "2025-07-02"];
    const answers = await Promise.all(dates.map((date) => reorganise(app, admin, { date })));
    const bodies = await Promise.all(answers.map((r) => json(r)));
    expect(bodies.filter((b) => b.applied === true)).toHaveLength(1);
    expect(answers.every((r) => r.status === 200 || r.status === 422)).toBe(true);
    const codes = await codesOn(app, "2025-09-01");
    expect(codes.filter((id) => id === "21808")).toHaveLength(1);
    expect(await store.auditLog({ action: "units.reorganise", limit: 10 })).toHaveLength(1);
  });

  it("is guarded by the database itself: no second open version of a code", async () => {
    const { store } = await demoAsAdmin();
    await expect(
      store.saveUnits([
        { id: "21808", name: "Xã Tây Sơn", kind: "commune", parentId: null, validFrom: "2025-07-01" },
      ]),
    ).rejects.toThrow();
    expect((await store.unitHistory()).versionsOf("21808")).toHaveLength(1);
  });
});

describe("reports of ending communes dated on or after the change", () => {
  const late = {
    unitId: "21850",
    date: "2025-08-02",
    population: 20_500,
    level2: 20_400,
    dual: 11_800,
    linked: 7_500,
  };

  it("are listed in the preview, and the change is refused naming them; the report stays", async () => {
    const { app, store, admin } = await demoAsAdmin();
    await store.saveReports([late], actor);
    const preview = await json(await reorganise(app, admin, { date: "2025-07-01" }, true));
    expect(preview.late.reports).toEqual([
      expect.objectContaining({
        ...late,
        unitName: "Xã Tây Phú",
        successors: [{ id: "21835", name: "Xã Bình Phú" }],
      }),
    ]);
    const refused = await reorganise(app, admin, { date: "2025-07-01" });
    expect(refused.status).toBe(422);
    expect((await json(refused)).error.message).toContain("Xã Tây Phú (21850) 2025-08-02");
    expect((await store.reportHistories(["21850"])).get("21850")?.at(-1)).toMatchObject(late);
    expect(await codesOn(app, "2025-09-01")).toContain("21850");
  });

  it("are deleted as part of the change when the admin says so, audited", async () => {
    const { app, store, admin } = await demoAsAdmin();
    await store.saveReports([late], actor);
    const applied = await reorganise(app, admin, { date: "2025-07-01", lateReports: "delete" });
    expect(applied.status).toBe(200);
    expect((await store.reportHistories(["21850"])).get("21850")?.at(-1)?.date).not.toBe("2025-08-02");
    const [entry] = await store.auditLog({ action: "report.delete", limit: 1 });
    expect(entry).toMatchObject({ entityId: "21850/2025-08-02", before: expect.objectContaining(late) });
  });

  it("are merged into the new commune's report when every commune it was formed from reported that day", async () => {
    const { app, store, admin } = await demoAsAdmin();
    // Bình Phú (21835) was formed from Bình Phú, Tây An (21841) and Tây Phú (21850).
    const parts = ["21835", "21841", "21850"].map((unitId, i) => ({
      ...late,
      unitId,
      population: 10_000 + i,
      level2: 9_000 + i,
      dual: 5_000 + i,
      linked: 4_000 + i,
    }));
    await store.saveReports(parts.slice(1), actor);
    const incomplete = await reorganise(app, admin, { date: "2025-07-01", lateReports: "merge" });
    expect(incomplete.status).toBe(422);
    expect((await json(incomplete)).error.message).toContain("Xã Bình Phú (21835)");
    await store.saveReports(parts, actor);
    expect((await reorganise(app, admin, { date: "2025-07-01", lateReports: "merge" })).status).toBe(200);
    const overview = (await getJson(app, "/api/overview?unit=21835&date=2025-08-02")).body;
    expect(overview.figures).toMatchObject({
      population: 30_003,
      level2: 27_003,
      dual: 15_003,
      linked: 12_003,
    });
    expect((await store.reportHistories(["21850", "21841"])).get("21850")?.at(-1)?.date).toBe("2024-06-29");
  });
});

describe("an approved week that spans the change", () => {
  it("locks the reports of both trees dated in it", async () => {
    const { app, store, admin } = await demoAsAdmin();
    await store.saveReports(
      [
        {
          unitId: "21850",
          date: "2025-06-30",
          population: 20_500,
          level2: 20_000,
          dual: 11_000,
          linked: 7_000,
        },
      ],
      actor,
    );
    expect((await reorganise(app, admin, { date: "2025-07-01" })).status).toBe(200);
    // Week 27 of 2025 runs from Monday 30/06 (old communes) to Sunday 06/07 (new ones).
    expect((await postJson(app, "/api/approvals", { unitId: "547", week: "2025-W27" }, admin)).status).toBe(
      201,
    );
    const revised = {
      unitId: "21850",
      date: "2025-06-30",
      population: 20_500,
      level2: 12_000,
      dual: 11_000,
      linked: 7_000,
      confirm: true,
    };
    const write = await postJson(app, "/api/reports", revised, admin);
    expect(write.status).toBe(409);
    expect((await json(write)).error.code).toBe("WEEK_LOCKED");
    const removal = await app.request("/api/reports/21850/2025-06-30", {
      method: "DELETE",
      headers: { cookie: admin, origin: "http://localhost" },
    });
    expect(removal.status).toBe(409);
    const newTree = { ...revised, unitId: "21835", date: "2025-07-05", population: 40_000, level2: 39_000 };
    expect((await postJson(app, "/api/reports", newTree, admin)).status).toBe(409);
  });
});

describe("choosing the area again after setup", () => {
  it("only adds units: ended versions stay ended", async () => {
    const { app, store, admin } = await createAppWithoutArea();
    expect((await postJson(app, "/api/area", { tree: "2025", code: "21808" }, admin)).status).toBe(201);
    const before = (await store.unitHistory()).versions;
    expect((await postJson(app, "/api/area", { tree: "2024", code: "547" }, admin)).status).toBe(201);
    const after = (await store.unitHistory()).versions;
    for (const version of before) expect(after).toContainEqual(version);
    const codes = await codesOn(app, "2025-09-01");
    expect(codes.filter((id) => id === "21808")).toHaveLength(1);
    expect(codes).not.toContain("21844");
  });
});
