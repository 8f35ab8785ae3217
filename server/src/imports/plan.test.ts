import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCampaign, createReport } from "../../test/testing.ts";
import type { Report, Unit } from "../domain/types.ts";
import { UnitHistory, versionKey } from "../domain/unit-history.ts";
import { BadHeader, planImport } from "./plan.ts";
import { readCsv } from "./read-table.ts";

const units: Unit[] = [
  { id: "547", name: "Huyện Tây Sơn", kind: "district", parentId: null },
  { id: "21808", name: "Thị trấn Phú Phong", kind: "town", parentId: "547" },
  { id: "21835", name: "Xã Bình Tường", kind: "commune", parentId: "547" },
  { id: "21841", name: "Xã Vĩnh An", kind: "commune", parentId: "547" },
  { id: "21850", name: "Xã Tây Phú", kind: "commune", parentId: "547" },
  { id: "99001", name: "Xã Tây Phú", kind: "commune", parentId: "548" },
];
const histories =
  (reports: Report[] = []) =>
  async (versions: readonly Unit[]) =>
    new Map(versions.map((v) => [versionKey(v), reports.filter((r) => r.unitId === v.id)]));
const csv = (text: string) => readCsv(text);
const plan = (text: string, reports: Report[] = [], list = units) =>
  planImport(csv(text), new UnitHistory(list, []), histories(reports), "2024-07-30", createCampaign());

describe("planning an import", () => {
  it("matches units by name without diacritics or prefix, and by code", async () => {
    const text = readFileSync(join(import.meta.dirname, "fixtures", "tab-english-no-diacritics.csv"), "utf8");
    const result = await plan(
      text,
      [],
      units.filter((u) => u.id !== "99001"),
    );
    expect(result.rows.map((r) => [r.values.unitId, r.values.unitName])).toEqual([
      ["21850", "Xã Tây Phú"],
      ["21835", "Xã Bình Tường"],
      ["21808", "Thị trấn Phú Phong"],
    ]);
    expect(result.summary).toMatchObject({ rows: 3, withErrors: 0, create: 3 });
  });

  it("refuses an ambiguous or unknown name on its row", async () => {
    const result = await plan(
      "unit_name,date,population,level2,dual,linked\nTay Phu,2024-07-06,10,5,4,3\nXã Không Có,2024-07-06,10,5,4,3\n",
    );
    expect(result.rows[0]?.errors[0]).toMatchObject({ field: "unit_name", code: "AMBIGUOUS_UNIT" });
    expect(result.rows[0]?.errors[0]?.message).toContain("Xã Tây Phú (21850) / Xã Tây Phú (99001)");
    expect(result.rows[1]?.errors[0]).toMatchObject({
      field: "unit_name",
      code: "UNKNOWN_UNIT",
      values: { unit_name: "Xã Không Có" },
    });
    expect(result.reports).toEqual([]);
  });

  it("names the missing columns of a wrong header", async () => {
    const text = readFileSync(join(import.meta.dirname, "fixtures", "wrong-header.csv"), "utf8");
    await expect(plan(text)).rejects.toThrow(BadHeader);
    // "ten xa" and "muc 2" are known names; "so dan", "hai tai khoan", "lien ket" are not.
    await expect(plan(text)).rejects.toThrow(/lacks population, dual, linked; it has "ma xa", "ten xa"/);
  });

  it("checks each row against the database and against earlier rows of the same file", async () => {
    const existing = [createReport({ date: "2024-06-29", level2: 600, dual: 300, linked: 100 })];
    const result = await plan(
      [
        "unit_code,date,population,level2,dual,linked",
        "21850,2024-07-13,1000,590,300,100", // lower than the file's 07-06 row, not the database's
        "21850,2024-07-06,1000,650,300,100",
        "21850,2024-06-29,1000,600,300,100", // the same as the database: unchanged
        "21850,2024-07-06,1000,651,300,100", // a second row for 07-06
        "21850,2024-08-01,1000,700,300,100", // after today
      ].join("\n"),
      existing,
    );
    const [late, next, same, duplicate, future] = result.rows;
    expect(next?.change).toBe("create");
    expect(next?.warnings).toEqual([]);
    expect(same?.change).toBe("unchanged");
    expect(late?.warnings[0]).toMatchObject({
      code: "BELOW_PREVIOUS",
      values: { previous: 650, previousDate: "2024-07-06" },
    });
    expect(duplicate?.errors[0]).toMatchObject({ code: "DUPLICATE_ROW", values: { firstRow: 3 } });
    expect(future?.errors[0]).toMatchObject({ code: "FUTURE_DATE" });
    expect(result.summary).toEqual({
      rows: 5,
      withErrors: 2,
      withWarnings: 1,
      create: 2,
      revise: 0,
      unchanged: 1,
    });
  });
});
