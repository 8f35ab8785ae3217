import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueAt } from "../server/src/catalogue/catalogue.ts";
import { PROJECT_ROOT } from "../server/src/config.ts";
import { readDrives, readReports, readUnits } from "../server/src/seed.ts";
import {
  DISTRICT_TOTALS,
  drivesToCsv,
  generateDemoDrives,
  generateDemoReports,
  generateDemoVillages,
  generateReorganisedReports,
  reportsToCsv,
  SUCCESSORS,
  villagesToCsv,
  withRecordingTimes,
} from "./demo-data.ts";

const dataDir = join(PROJECT_ROOT, "data");
const committedCsv = readFileSync(join(dataDir, "demo", "reports.csv"), "utf8");
const reports = readReports(join(dataDir, "demo", "reports.csv"));
const units = readUnits(join(dataDir, "units.csv"));
const communes = units.filter((u) => u.parentId === "547");
const on = (date: string) => reports.filter((r) => r.date === date);
const sum = (list: typeof reports, key: "population" | "level2" | "dual" | "linked") =>
  list.reduce((s, r) => s + r[key], 0);

describe("the demo data", () => {
  it("is exactly what the deterministic generator writes", () => {
    const names = new Map(units.map((u) => [u.id, u.name]));
    expect(committedCsv).toBe(reportsToCsv(withRecordingTimes(generateDemoReports()), names));
  });

  it("has Tây Sơn's 15 official commune-level units under district 547 and province 52", () => {
    expect(communes).toHaveLength(15);
    expect(units.find((u) => u.id === "547")).toMatchObject({ kind: "district", parentId: "52" });
    expect(new Set(reports.map((r) => r.unitId))).toEqual(new Set(communes.map((c) => c.id)));
  });

  it("adds up to the directive's district totals on 03/02/2024", () => {
    const first = on("2024-02-03");
    expect(first).toHaveLength(15);
    expect(sum(first, "population")).toBe(DISTRICT_TOTALS.population);
    expect(sum(first, "level2")).toBe(80_272);
    expect(sum(first, "dual")).toBe(DISTRICT_TOTALS.dual);
    expect(sum(first, "linked")).toBe(DISTRICT_TOTALS.linked);
    for (const report of first) {
      expect(report.level2 / report.population).toBeGreaterThan(0.5);
      expect(report.level2 / report.population).toBeLessThan(0.8);
    }
  });

  it("ends close to but below 100% on 29/06/2024, with linking behind coverage", () => {
    const last = on("2024-06-29");
    const coverage = sum(last, "level2") / sum(last, "population");
    expect(coverage).toBeGreaterThan(0.95);
    expect(coverage).toBeLessThan(1);
    expect(sum(last, "linked") / sum(last, "dual")).toBeLessThan(coverage);
  });

  it("only grows, and keeps linked ≤ dual ≤ level2 ≤ population", () => {
    for (const commune of communes) {
      const history = reports.filter((r) => r.unitId === commune.id);
      history.forEach((report, i) => {
        expect(report.linked).toBeLessThanOrEqual(report.dual);
        expect(report.dual).toBeLessThanOrEqual(report.level2);
        expect(report.level2).toBeLessThanOrEqual(report.population);
        const previous = history[i - 1];
        if (previous) {
          for (const key of ["level2", "dual", "linked"] as const)
            expect(report[key]).toBeGreaterThanOrEqual(previous[key]);
        }
      });
    }
  });

  it("has one commune that misses three weekly reports in a row", () => {
    const counts = communes.map((c) => reports.filter((r) => r.unitId === c.id).length);
    expect(counts.filter((n) => n === 22)).toHaveLength(14);
    expect(counts.filter((n) => n === 19)).toHaveLength(1);
  });
});

describe("the demo villages and drives", () => {
  const villages = readUnits(join(dataDir, "demo", "villages.csv"));
  const drives = readDrives(join(dataDir, "demo", "drives.csv"));

  it("are exactly what the generator writes", () => {
    expect(readFileSync(join(dataDir, "demo", "villages.csv"), "utf8")).toBe(
      villagesToCsv(generateDemoVillages()),
    );
    expect(readFileSync(join(dataDir, "demo", "drives.csv"), "utf8")).toBe(
      drivesToCsv(generateDemoDrives(generateDemoReports())),
    );
  });

  it("give every commune three or four villages", () => {
    for (const commune of communes) {
      const count = villages.filter((v) => v.parentId === commune.id && v.kind === "village").length;
      expect(count).toBeGreaterThanOrEqual(3);
      expect(count).toBeLessThanOrEqual(4);
    }
  });

  it("hold about 25 drives, most in the lagging communes, each in a village of its commune", () => {
    expect(drives.length).toBeGreaterThanOrEqual(20);
    expect(drives.length).toBeLessThanOrEqual(30);
    const lagging = drives.filter((d) => ["21835", "21850", "21841"].includes(d.unitId));
    expect(lagging.length / drives.length).toBeGreaterThan(0.6);
    for (const drive of drives)
      expect(villages.find((v) => v.id === drive.villageId)?.parentId).toBe(drive.unitId);
  });

  it("report results that the weekly figures can hold", () => {
    for (const drive of drives.filter((d) => d.status === "done")) {
      const own = reports.filter((r) => r.unitId === drive.unitId);
      const before = [...own].reverse().find((r) => r.date <= drive.date);
      const after = own.find((r) => r.date > drive.date);
      expect(before && after, drive.date).toBeTruthy();
      if (!before || !after) continue;
      expect(drive.registrations).toBeLessThanOrEqual(after.level2 - before.level2);
      expect(drive.linked).toBeLessThanOrEqual(after.linked - before.linked);
    }
  });
});

describe("the demo after the reorganisation (DEMO_DATA=tay-son-2025)", () => {
  const after = readReports(join(dataDir, "demo", "reports-2025.csv"));

  it("is exactly what the deterministic generator writes, for the 5 real successors of the merger table", () => {
    const catalogue = catalogueAt(dataDir);
    const names = new Map(after.map((r) => [r.unitId, catalogue.get("2025", r.unitId)?.name ?? ""]));
    expect(readFileSync(join(dataDir, "demo", "reports-2025.csv"), "utf8")).toBe(
      reportsToCsv(withRecordingTimes(generateReorganisedReports(reports)), names),
    );
    for (const plan of SUCCESSORS) {
      const from = catalogue.merger.filter((row) => row.newCode === plan.code).map((row) => row.oldCode);
      expect(from.sort(), plan.code).toEqual([...plan.from].sort());
    }
  });

  it("starts each commune from at least its predecessors' last figures and never lets a count fall", () => {
    for (const plan of SUCCESSORS) {
      const own = after.filter((r) => r.unitId === plan.code);
      const last = plan.from.map(
        (code) => reports.filter((r) => r.unitId === code).at(-1) as (typeof reports)[number],
      );
      for (const key of ["level2", "dual", "linked"] as const) {
        expect(own[0]?.[key], `${plan.code} ${key}`).toBeGreaterThanOrEqual(sum(last, key));
        for (let i = 1; i < own.length; i++)
          expect((own[i] as (typeof own)[number])[key]).toBeGreaterThanOrEqual(
            (own[i - 1] as (typeof own)[number])[key],
          );
      }
      for (const r of own)
        expect(r.linked <= r.dual && r.dual <= r.level2 && r.level2 <= r.population).toBe(true);
    }
  });
});
