// The ministry's deployment: the whole country (VN) as the area, its 34 provinces ranked and mapped.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createAppWithoutArea, getJson, postJson } from "../test/testing.ts";
import type { Report } from "./domain/types.ts";
import { GIA_LAI_2025 } from "./seed.ts";

describe("the whole country as the area", () => {
  it("sets up Việt Nam from the catalogue: 63 provinces before 01/07/2025, 34 after, every province one tap away", async () => {
    const { app, store, admin } = await createAppWithoutArea();
    const found = await getJson(app, "/api/catalogue?q=viet%20nam&tree=2025");
    expect(found.body.units[0]).toMatchObject({ code: "VN", name: "Việt Nam", kind: "country" });
    expect((await postJson(app, "/api/area", { tree: "2025", code: "VN" }, admin)).status).toBe(201);

    const history = await store.unitHistory();
    expect(history.treeOn("2025-06-30").childrenWithFigures("VN")).toHaveLength(63);
    const provinces = history.treeOn("2025-10-25").childrenWithFigures("VN");
    expect(provinces).toHaveLength(34);
    const communes = history.treeOn("2025-10-25").reportingUnitsUnder("VN");
    expect(communes).toHaveLength(3321);

    // Two weeks of figures for every commune, lower in the provinces of the highlands (codes 60–68).
    await store.startWithoutCampaign();
    await store.createCampaign({ ...GIA_LAI_2025, name: "Toàn quốc" }, true, {
      userId: null,
      username: null,
      ip: null,
      at: new Date().toISOString(),
    });
    const reports: Report[] = communes.flatMap((unit, i) =>
      ["2025-09-06", "2025-10-25"].map((date, week) => {
        const population = 4000 + (i % 50) * 100;
        const rate = (unit.id >= "22" && unit.id < "25" ? 0.6 : 0.8) + week * 0.05;
        const level2 = Math.floor(population * rate);
        return { unitId: unit.id, date, population, level2, dual: level2, linked: Math.floor(level2 / 2) };
      }),
    );
    await store.insertReports(reports);

    const overview = await getJson(app, "/api/overview?date=2025-10-25");
    expect(overview.status).toBe(200);
    expect(overview.body.unit.id).toBe("VN");
    expect(overview.body.children).toHaveLength(34);
    expect(new Set(overview.body.children.map((c: { unit: { kind: string } }) => c.unit.kind))).toEqual(
      new Set(["province"]),
    );
    // Ranked from the lowest rate, 1 to 34.
    expect(
      overview.body.children.map((c: { rank: number }) => c.rank).sort((a: number, b: number) => a - b),
    ).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    // Every province is placed on the map at its communes' centre.
    expect(overview.body.children.every((c: { centre: unknown }) => Array.isArray(c.centre))).toBe(true);
    // A province's figures are its communes'.
    const giaLai = overview.body.children.find((c: { unit: { id: string } }) => c.unit.id === "52");
    const ofGiaLai = reports.filter(
      (r) => r.date === "2025-10-25" && history.treeOn("2025-10-25").get(r.unitId)?.parentId === "52",
    );
    expect(ofGiaLai).toHaveLength(135);
    expect(giaLai.figures.population).toBe(ofGiaLai.reduce((sum, r) => sum + r.population, 0));
    // The weekly report speaks of provinces where its rows are provinces.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await app.request("/api/exports/weekly.xlsx?date=2025-10-25")).arrayBuffer());
    const text = JSON.stringify(book.worksheets[0]?.getSheetValues());
    expect(text).toMatch(/III\. Các tỉnh, thành phố chậm tiến độ \(\d+\)/);
    expect(text).not.toContain("Các xã chậm");
    expect(book.worksheets[1]?.rowCount).toBe(3 + 1 + 34);
    // One tap away: the province's own overview, its 135 communes.
    const province = await getJson(app, "/api/overview?unit=52&date=2025-10-25");
    expect(province.body.children).toHaveLength(135);
  });
});
