// The 2025 reorganisation on the real national tables (data/catalogue), through the API, on both engines.
import { describe, expect, it } from "vitest";
import {
  createAppWithoutArea,
  createDemoApp,
  createEmptyStore,
  createUser,
  FAST_SCRYPT,
  getJson,
  json,
  postJson,
  signIn,
  TEST_CONFIG,
  upload,
} from "../../test/testing.ts";
import { createApp } from "../app.ts";
import type { Report } from "../domain/types.ts";

const SUCCESSORS = {
  "21808": ["21808", "21844", "21847"],
  "21817": ["21811", "21817", "21826"],
  "21820": ["21814", "21820"],
  "21829": ["21823", "21829", "21832", "21838"],
  "21835": ["21835", "21841", "21850"],
};
const actor = { userId: null, username: "test", ip: null, at: new Date().toISOString() };

async function asAdmin(app: Parameters<typeof signIn>[0], store: Parameters<typeof createUser>[0]) {
  await createUser(store, { username: "quan-tri", role: "admin" });
  return signIn(app, "quan-tri");
}

describe("Tây Sơn's 15 units become 5 communes on 01/07/2025", () => {
  it("previews, then applies the merger table all at once, and answers for each code on each date", async () => {
    const { app, store } = await createDemoApp();
    const admin = await asAdmin(app, store);
    const preview = await postJson(
      app,
      "/api/area/reorganisation?dryRun=true",
      { date: "2025-07-01" },
      admin,
    );
    const plan = await json(preview);
    expect(preview.status).toBe(200);
    expect(plan.problems).toEqual([]);
    expect(plan.successors.map((s: { unit: { id: string; name: string } }) => s.unit.name)).toEqual([
      "Xã Tây Sơn",
      "Xã Bình Hiệp",
      "Xã Bình Khê",
      "Xã Bình An",
      "Xã Bình Phú",
    ]);
    for (const successor of plan.successors)
      expect(successor.predecessors.map((p: { id: string }) => p.id).sort()).toEqual(
        SUCCESSORS[successor.unit.id as keyof typeof SUCCESSORS],
      );
    // A preview changes nothing.
    expect((await getJson(app, "/api/units/21808?date=2025-09-01")).body.unit.name).toBe(
      "Thị trấn Phú Phong",
    );

    expect((await postJson(app, "/api/area/reorganisation", { date: "2025-07-01" }, admin)).status).toBe(200);
    // 21808 before and after: the town of Phú Phong, then the commune of Tây Sơn formed from three.
    const before = (await getJson(app, "/api/units/21808?date=2024-06-29")).body;
    expect(before.unit).toMatchObject({ name: "Thị trấn Phú Phong", validTo: "2025-07-01" });
    const after = (await getJson(app, "/api/units/21808?date=2025-09-01")).body;
    expect(after.unit).toMatchObject({ name: "Xã Tây Sơn", validFrom: "2025-07-01", validTo: null });
    expect(after.unit.predecessors.map((p: { id: string }) => p.id)).toEqual(["21808", "21844", "21847"]);
    // An ended code asked about after its end answers with its successor.
    const ended = (await getJson(app, "/api/units/21811?date=2025-09-01")).body;
    expect(ended).toMatchObject({ standing: "former", unit: { name: "Xã Bình Tân", validTo: "2025-07-01" } });
    expect(ended.unit.successors.map((s: { id: string }) => s.id)).toEqual(["21817"]);

    // Xã Tây Sơn on 01/09/2025: the latest figures of its three predecessors, summed.
    const latest = await store.reportHistories(["21808", "21844", "21847"]);
    const sum = (field: keyof Report) =>
      ["21808", "21844", "21847"].reduce((total, id) => total + Number(latest.get(id)?.at(-1)?.[field]), 0);
    const tay = (await getJson(app, "/api/overview?unit=21808&date=2025-09-01")).body;
    expect(tay.unit.name).toBe("Xã Tây Sơn");
    expect(tay.figures).toMatchObject({
      population: sum("population"),
      level2: sum("level2"),
      linked: sum("linked"),
    });

    // The former district answers with the 5 communes that now cover it, and their sums.
    const district = (await getJson(app, "/api/overview?unit=547&date=2025-09-01")).body;
    expect(district.unit).toMatchObject({ id: "547", validTo: "2025-07-01" });
    expect(district.children.map((c: { unit: { id: string } }) => c.unit.id)).toEqual(
      Object.keys(SUCCESSORS),
    );
    const on2024 = (await getJson(app, "/api/overview?unit=547&date=2024-06-29")).body;
    expect(district.figures).toMatchObject({
      population: on2024.figures.population,
      level2: on2024.figures.level2,
      dual: on2024.figures.dual,
      linked: on2024.figures.linked,
    });

    // Each successor's series runs back over 2024: on every 2024 date the 5 sum to the old district.
    const districtSeries = (await getJson(app, "/api/units/547/series?to=2024-12-31")).body.points;
    const series = await Promise.all(
      Object.keys(SUCCESSORS).map(
        async (id) => (await getJson(app, `/api/units/${id}/series?date=2025-09-01`)).body.points,
      ),
    );
    expect(districtSeries.length).toBe(22);
    for (const point of districtSeries) {
      const parts = series.map((points) => points.find((p: { date: string }) => p.date === point.date));
      for (const field of ["population", "level2", "dual", "linked"]) {
        expect(
          parts.reduce((total, p) => total + p[field], 0),
          `${field} on ${point.date}`,
        ).toBe(point[field]);
      }
    }
    // The audit log says who applied it.
    const [entry] = await store.auditLog({ action: "units.reorganise", limit: 1 });
    expect(entry).toMatchObject({
      username: "quan-tri",
      after: { date: "2025-07-01", ended: expect.any(Number) },
    });
    // Applying it again changes nothing, and says so.
    const again = await postJson(app, "/api/area/reorganisation", { date: "2025-07-01" }, admin);
    expect(again.status).toBe(200);
    expect(await json(again)).toMatchObject({ applied: false, alreadyApplied: true });
    expect(await store.auditLog({ action: "units.reorganise", limit: 10 })).toHaveLength(1);
  });

  it("takes the tree of each report's date: old codes in 2024, new codes after the change", async () => {
    const { app, store } = await createDemoApp();
    const admin = await asAdmin(app, store);
    await postJson(app, "/api/area/reorganisation", {}, admin);
    const old = {
      unitId: "21811",
      date: "2025-06-28",
      population: 6200,
      level2: 6200,
      dual: 4000,
      linked: 3900,
    };
    expect((await postJson(app, "/api/reports", { ...old, confirm: true }, admin)).status).toBe(201);
    const late = await postJson(app, "/api/reports", { ...old, date: "2025-07-05" }, admin);
    expect(late.status).toBe(422);
    expect((await json(late)).error.details[0]).toMatchObject({ field: "unitId", code: "UNIT_NOT_ON_DATE" });
    const fresh = {
      unitId: "21817",
      date: "2025-07-05",
      population: 21300,
      level2: 21000,
      dual: 14000,
      linked: 13500,
    };
    expect((await postJson(app, "/api/reports", { ...fresh, confirm: true }, admin)).status).toBe(201);
    // A revision of an old commune's report changes its successor's history (and its kept figures).
    const beforeRevision = (await getJson(app, "/api/units/21817/series?date=2025-09-01")).body.points;
    const district = async () => (await getJson(app, "/api/overview?unit=547&date=2025-07-02")).body.figures;
    const districtBefore = await district();
    await postJson(app, "/api/reports", { ...old, population: 6300, confirm: true }, admin);
    expect((await district()).population - districtBefore.population).toBe(100);
    const afterRevision = (await getJson(app, "/api/units/21817/series?date=2025-09-01")).body.points;
    const day = (points: { date: string; population: number }[]) =>
      points.find((p) => p.date === "2025-06-28")?.population;
    expect(Number(day(afterRevision)) - Number(day(beforeRevision))).toBe(100);
    expect((await getJson(app, "/api/overview?unit=21817&date=2025-07-05")).body.figures.population).toBe(
      21300,
    );
  });

  it("imports a file of old codes dated 2025-06 and new codes dated 2025-07 into the same deployment", async () => {
    const { app, store } = await createDemoApp();
    const admin = await asAdmin(app, store);
    await postJson(app, "/api/area/reorganisation", {}, admin);
    const csv = [
      "unit_code,date,population,level2,dual,linked",
      "21811,2025-06-28,6200,6200,4000,3900",
      "21817,2025-07-05,21300,21000,14000,13500",
      "21811,2025-07-05,6200,6200,4000,3900",
    ].join("\n");
    const dry = await json(await upload(app, "/api/imports?dryRun=true", "mixed.csv", csv, admin));
    const errors = (line: number) =>
      dry.rows
        .find((r: { row: number }) => r.row === line)
        .errors.map((e: { code: string; message: string }) => `${e.code}: ${e.message}`);
    expect(errors(2)).toEqual([]);
    expect(errors(3)).toEqual([]);
    expect(errors(4)).toEqual([
      "UNIT_NOT_ON_DATE: On 2025-07-05, Xã Bình Tân (21811) no longer exists (it ended on 2025-07-01); report for: Xã Bình Hiệp (21817).",
    ]);
    const fixed = csv.split("\n").slice(0, 3).join("\n");
    const written = await upload(app, "/api/imports?confirm=true", "mixed.csv", fixed, admin);
    expect(written.status, await written.clone().text()).toBe(200);
    expect((await getJson(app, "/api/overview?unit=21817&date=2025-07-05")).body.figures.population).toBe(
      21300,
    );
    expect((await getJson(app, "/api/overview?unit=21811&date=2025-06-28")).body.figures.population).toBe(
      6200,
    );
  });

  it("keeps a commune account of an ended commune on its successor", async () => {
    const { app, store } = await createDemoApp();
    const admin = await asAdmin(app, store);
    await createUser(store, { username: "binh-tan", role: "commune", unitId: "21811" });
    const preview = await json(await postJson(app, "/api/area/reorganisation?dryRun=true", {}, admin));
    expect(preview.accounts).toEqual([{ username: "binh-tan", unitId: "21811", successors: ["21817"] }]);
    await postJson(app, "/api/area/reorganisation", {}, admin);
    const commune = await signIn(app, "binh-tan");
    const me = (await json(await app.request("/api/auth/me", { headers: { cookie: commune } }))).user;
    const versions = [
      { id: "21811", validFrom: null, validTo: "2025-07-01" },
      { id: "21817", validFrom: "2025-07-01", validTo: null },
    ];
    expect(me.versions).toEqual(versions);
    const listed = (await json(await app.request("/api/users", { headers: { cookie: admin } }))).users;
    expect(listed.find((u: { username: string }) => u.username === "binh-tan").versions).toEqual(versions);
    const report = {
      unitId: "21817",
      date: "2025-07-05",
      population: 21300,
      level2: 21000,
      dual: 14000,
      linked: 13500,
      confirm: true,
    };
    expect((await postJson(app, "/api/reports", report, commune)).status).toBe(201);
    expect((await postJson(app, "/api/reports", { ...report, unitId: "21808" }, commune)).status).toBe(403);
  });

  it("never lets an account act on an earlier version that shares its successor's code", async () => {
    // Tây Xuân (21844) went into the new Xã Tây Sơn, which reuses the code of the town of Phú Phong (21808).
    const { app, store } = await createDemoApp();
    const admin = await asAdmin(app, store);
    await createUser(store, { username: "tay-xuan", role: "commune", unitId: "21844" });
    expect((await postJson(app, "/api/area/reorganisation", {}, admin)).status).toBe(200);
    const tayXuan = await signIn(app, "tay-xuan");
    const phuPhong2024 = {
      unitId: "21808",
      date: "2024-06-29",
      population: 20_000,
      level2: 100,
      dual: 50,
      linked: 10,
      confirm: true,
    };
    const refused = await postJson(app, "/api/reports", phuPhong2024, tayXuan);
    expect(refused.status).toBe(403);
    const file = "unit_code,date,population,level2,dual,linked\n21808,2024-06-29,20000,100,50,10\n";
    expect((await upload(app, "/api/imports?dryRun=true", "phu-phong.csv", file, tayXuan)).status).toBe(403);
    const drive = await store.createDrive(
      {
        unitId: "21808",
        villageId: null,
        date: "2024-03-16",
        startTime: null,
        endTime: null,
        team: "Đoàn thị trấn Phú Phong",
        planned: 40,
        status: "done",
        registrations: 38,
        linked: 20,
        notes: "",
      },
      actor,
    );
    const patch = await postJson(app, `/api/drives/${drive.id}`, { notes: "x" }, tayXuan, "PATCH");
    expect(patch.status).toBe(403);
    const deleted = await app.request(`/api/drives/${drive.id}`, {
      method: "DELETE",
      headers: { cookie: tayXuan, origin: "http://localhost" },
    });
    expect(deleted.status).toBe(403);
    // Phú Phong's figure of 29/06/2024 is as it was; the account writes for the new Xã Tây Sơn.
    const district = (await getJson(app, "/api/overview?unit=547&date=2024-06-29")).body;
    expect(district.figures.level2).toBe(119_356);
    const now = {
      ...phuPhong2024,
      date: "2025-07-05",
      population: 40_000,
      level2: 39_000,
      dual: 20_000,
      linked: 15_000,
    };
    expect((await postJson(app, "/api/reports", now, tayXuan)).status).toBe(201);
  });
});

describe("a divided commune (Xã Vĩnh Châu, 30334, of Châu Đốc)", () => {
  // Châu Đốc's 7 units became Phường Châu Đốc (30316) and Phường Vĩnh Tế (30325); Xã Vĩnh Châu was divided between them.
  async function chauDoc(shares?: { oldCode: string; newCode: string; share: number }[]) {
    const { app, store, admin } = await createAppWithoutArea();
    expect((await postJson(app, "/api/area", { tree: "2024", code: "884" }, admin)).status).toBe(201);
    const communes = ["30316", "30319", "30322", "30325", "30328", "30331", "30334"];
    await store.saveReports(
      communes.flatMap((unitId, i) =>
        ["2025-05-31", "2025-06-28"].map((date, k) => ({
          unitId,
          date,
          population: 10_000 + 1_000 * i,
          level2: 8_000 + 1_000 * i + 100 * k,
          dual: 5_000,
          linked: 2_000 + 500 * k,
        })),
      ),
      actor,
    );
    const campaign = { name: "Châu Đốc 2025", start: "2025-06-01", deadline: "2025-12-31" };
    expect((await postJson(app, "/api/campaigns", campaign, admin)).status).toBe(201);
    const applied = await postJson(app, "/api/area/reorganisation", { shares }, admin);
    expect(applied.status, await applied.clone().text()).toBe(200);
    return { app, store };
  }

  it("with shares, gives each successor its part of the divided commune's figures", async () => {
    const { app } = await chauDoc([
      { oldCode: "30334", newCode: "30316", share: 0.7 },
      { oldCode: "30334", newCode: "30325", share: 0.3 },
    ]);
    const vinhTe = (await getJson(app, "/api/overview?unit=30325&date=2025-07-02")).body;
    // Vĩnh Tế: 30325 and 30331 whole, and 30% of 30334 (population 16,000, level-2 14,100 on 28/06).
    expect(vinhTe.figures.population).toBe(13_000 + 15_000 + Math.floor(0.3 * 16_000));
    expect(vinhTe.figures.level2).toBe(11_100 + 13_100 + Math.floor(0.3 * 14_100));
    expect(vinhTe.flags.filter((f: { code: string }) => f.code === "DATA")).toEqual([]);
  });

  it("without shares, leaves the successors' earlier figures out and flags them DATA incomplete", async () => {
    const { app } = await chauDoc();
    const vinhTe = (await getJson(app, "/api/overview?unit=30325&date=2025-07-02")).body;
    expect(vinhTe.figures.reporting).toBe(0);
    const data = vinhTe.flags.find((f: { code: string }) => f.code === "DATA");
    expect(data.values).toMatchObject({ incompleteBefore: "2025-07-01", units: "Xã Vĩnh Châu" });
    expect(data.message).toContain("incomplete");
    // No series before the change either: nothing is invented.
    const series = (await getJson(app, "/api/units/30316/series?date=2025-09-01")).body.points;
    expect(series).toEqual([]);
  });

  it("refuses shares that do not sum to 1, naming the commune", async () => {
    const { app, admin } = await createAppWithoutArea();
    await postJson(app, "/api/area", { tree: "2024", code: "884" }, admin);
    const shares = [{ oldCode: "30334", newCode: "30316", share: 0.5 }];
    const refused = await postJson(app, "/api/area/reorganisation", { shares }, admin);
    expect(refused.status).toBe(422);
    expect((await json(refused)).error.message).toContain("30334 sum to 0.5");
    expect((await getJson(app, "/api/units/30316?date=2025-09-01")).body.unit.validTo).toBeNull();
  });
});

describe("setting up an area from the catalogue", () => {
  it("finds a unit by name without diacritics, or by code", async () => {
    const { app } = await createDemoApp();
    const found = (await getJson(app, "/api/catalogue?q=gia%20lai&tree=2025")).body.units;
    expect(found[0]).toEqual({
      code: "52",
      name: "Tỉnh Gia Lai",
      kind: "province",
      parentCode: null,
      tree: "2025",
      path: "",
    });
    const old = (await getJson(app, "/api/catalogue?q=tay%20son&tree=2024")).body.units;
    expect(old[0]).toMatchObject({ code: "547", name: "Huyện Tây Sơn", path: "Tỉnh Bình Định" });
    expect(
      (await getJson(app, "/api/catalogue?q=21808")).body.units.map((u: { tree: string }) => u.tree),
    ).toEqual(["2025", "2024"]);
    expect((await getJson(app, "/api/catalogue?parent=547&tree=2024")).body.units).toHaveLength(15);
    expect((await getJson(app, "/api/catalogue?tree=2030")).status).toBe(400);
  });

  it("sets up the new Gia Lai with its history on old Bình Định and old Gia Lai, all or nothing", async () => {
    const store = await createEmptyStore();
    const app = createApp({
      store,
      config: { ...TEST_CONFIG, homeUnit: null },
      passwordParams: FAST_SCRYPT,
      checkAnswers: true,
    });
    expect((await getJson(app, "/api/area")).body.area).toBeNull();
    expect((await getJson(app, "/api/overview")).body.error.code).toBe("NO_AREA");
    const admin = await asAdmin(app, store);

    // A change that fails part way leaves nothing behind.
    const { areaFromCatalogue } = await import("./area-setup.ts");
    const { catalogueAt } = await import("./catalogue.ts");
    const area = areaFromCatalogue(catalogueAt(TEST_CONFIG.dataDir), "2025", "52");
    if (!area?.reorganisation) throw new Error("no area");
    const broken = [...area.reorganisation.lineage, { date: "2025-07-01", from: "x", to: "21808", share: 2 }];
    await expect(
      store.changeUnits(
        () => ({
          units: area.units,
          lineage: broken,
          home: { id: "52", validFrom: "2025-07-01" },
          audit: { action: "units.setup", summary: {} },
        }),
        actor,
      ),
    ).rejects.toThrow();
    expect((await store.unitHistory()).versions).toEqual([]);
    expect(await store.home()).toBeNull();

    expect((await postJson(app, "/api/area", { tree: "2025", code: "52" }, admin)).status).toBe(201);
    const history = await store.unitHistory();
    const now = history.treeOn("2025-09-01");
    const communes2025 = now.reportingUnitsUnder("52");
    expect(communes2025.length).toBe(135);
    expect(now.get("52")?.name).toBe("Tỉnh Gia Lai");
    // Before the change: both old provinces, whole.
    const then = history.treeOn("2024-06-29");
    expect(then.get("52")?.name).toBe("Tỉnh Bình Định");
    expect(then.get("64")?.name).toBe("Tỉnh Gia Lai");
    expect(then.reportingUnitsUnder("52").length + then.reportingUnitsUnder("64").length).toBe(
      new Set(history.lineage.map((l) => l.from)).size,
    );
    // The area is the new province: on a 2024 date it answers with its own communes' earlier figures.
    const area2024 = (await getJson(app, "/api/overview?date=2024-06-29")).body;
    expect(area2024).toMatchObject({ standing: "future", unit: { id: "52", name: "Tỉnh Gia Lai" } });
    expect(area2024.children).toHaveLength(135);
  });
});
