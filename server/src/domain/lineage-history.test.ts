import { describe, expect, it } from "vitest";
import { historyOf } from "./lineage-history.ts";
import type { Report, Unit } from "./types.ts";
import { type Lineage, UnitHistory } from "./unit-history.ts";

const report = (
  unitId: string,
  date: string,
  population: number,
  level2: number,
  dual = 0,
  linked = 0,
): Report => ({
  unitId,
  date,
  population,
  level2,
  dual,
  linked,
});
const commune = (id: string, validFrom: string | null, validTo: string | null): Unit => ({
  id,
  name: `Xã ${id}`,
  kind: "commune",
  parentId: null,
  validFrom,
  validTo,
});
const byCode = (reports: Report[]) => {
  const map = new Map<string, Report[]>();
  for (const r of [...reports].sort((a, b) => a.date.localeCompare(b.date)))
    map.set(r.unitId, [...(map.get(r.unitId) ?? []), r]);
  return map;
};

describe("a successor's history across a change of units", () => {
  const units = [
    commune("A", null, "2025-07-01"),
    commune("B", null, "2025-07-01"),
    commune("A", "2025-07-01", null),
  ];
  const merge: Lineage[] = [
    { date: "2025-07-01", from: "A", to: "A", share: 1 },
    { date: "2025-07-01", from: "B", to: "A", share: 1 },
  ];

  it("sums the predecessors' latest figures on each date any of them reported, then runs on with its own", () => {
    const history = new UnitHistory(units, merge);
    const successor = history.versionOn("A", "2025-09-01") as Unit;
    const reports = byCode([
      report("A", "2025-06-07", 100, 50),
      report("B", "2025-06-14", 200, 120), // B's first: the sums start here, not on 07/06
      report("A", "2025-06-21", 100, 60), // B carried forward
      report("A", "2025-07-05", 310, 200), // the new commune's own report (a reused code)
    ]);
    expect(
      historyOf(history.sourcesOf(successor), reports).map((r) => [r.date, r.population, r.level2]),
    ).toEqual([
      ["2025-06-14", 300, 170],
      ["2025-06-21", 300, 180],
      ["2025-07-05", 310, 200],
    ]);
    // The old A, asked for itself, has only its own reports before its end.
    const old = history.versionOn("A", "2025-06-30") as Unit;
    expect(historyOf(history.sourcesOf(old), reports).map((r) => r.date)).toEqual([
      "2025-06-07",
      "2025-06-21",
    ]);
  });

  it("gives a divided commune's share rounded down (linked ≤ dual ≤ level-2 holds), or leaves it out until shares are given", () => {
    const split = [
      commune("C", null, "2025-07-01"),
      commune("D", "2025-07-01", null),
      commune("E", "2025-07-01", null),
    ];
    const reports = byCode([report("C", "2025-06-28", 1001, 701, 301, 299)]);
    const withShares = new UnitHistory(split, [
      { date: "2025-07-01", from: "C", to: "D", share: 0.3 },
      { date: "2025-07-01", from: "C", to: "E", share: 0.7 },
    ]);
    const d = historyOf(withShares.sourcesOf(withShares.versionOn("D", "2025-09-01") as Unit), reports);
    expect(d).toEqual([report("D", "2025-06-28", 300, 210, 90, 89)]);
    const without = new UnitHistory(split, [
      { date: "2025-07-01", from: "C", to: "D", share: null },
      { date: "2025-07-01", from: "C", to: "E", share: null },
    ]);
    const source = without.sourcesOf(without.versionOn("D", "2025-09-01") as Unit);
    expect(historyOf(source, reports)).toEqual([]);
    expect(source.incomplete).toEqual({ before: "2025-07-01", units: [{ id: "C", name: "Xã C" }] });
  });

  it("follows two changes in a row", () => {
    const twice = [
      commune("F", null, "2025-07-01"),
      commune("G", "2025-07-01", "2026-01-01"),
      commune("H", "2026-01-01", null),
    ];
    const history = new UnitHistory(twice, [
      { date: "2025-07-01", from: "F", to: "G", share: 1 },
      { date: "2026-01-01", from: "G", to: "H", share: 1 },
    ]);
    const reports = byCode([
      report("F", "2025-06-28", 10, 5),
      report("G", "2025-12-27", 11, 8),
      report("H", "2026-01-03", 12, 9),
    ]);
    const h = history.versionOn("H", "2026-02-01") as Unit;
    expect(historyOf(history.sourcesOf(h), reports).map((r) => [r.unitId, r.date, r.level2])).toEqual([
      ["H", "2025-06-28", 5],
      ["H", "2025-12-27", 8],
      ["H", "2026-01-03", 9],
    ]);
    expect([...history.dependentCodes(["F"])].sort()).toEqual(["F", "G", "H"]);
  });
});
