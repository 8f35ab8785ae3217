import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmptyStore, TEST_ENGINE } from "../../test/testing.ts";
import { assessmentReads, selectReads } from "../domain/assessment-reads.ts";
import { addDays } from "../domain/dates.ts";
import { overviewOf } from "../domain/overview.ts";
import type { Report, Unit } from "../domain/types.ts";

const UNITS: Unit[] = [
  { id: "1", name: "Huyện Thử", kind: "district", parentId: null },
  { id: "11", name: "Xã Một", kind: "commune", parentId: "1" },
  { id: "12", name: "Xã Hai", kind: "commune", parentId: "1" },
  { id: "13", name: "Xã Ba", kind: "commune", parentId: "1" },
];

/** A unit's history: reports on distinct days around the campaign, counts that wander. */
const history = (unitId: string) =>
  fc.uniqueArray(fc.integer({ min: -40, max: 200 }), { maxLength: 14 }).chain((days) =>
    fc
      .tuple(
        ...days.map(() =>
          fc.record({
            population: fc.integer({ min: 0, max: 5000 }),
            share: fc.double({ min: 0, max: 1.1, noNaN: true }),
          }),
        ),
      )
      .map((counts) =>
        days
          .map((day, i) => {
            const { population, share } = counts[i] as { population: number; share: number };
            const level2 = Math.floor(population * share);
            const dual = Math.floor(level2 * 0.6);
            return {
              unitId,
              date: addDays("2024-02-03", day),
              population,
              level2,
              dual,
              linked: Math.floor(dual * 0.5),
            };
          })
          .sort((a, b) => (a.date < b.date ? -1 : 1)),
      ),
  );

describe("what an assessment reads (declared in the domain, executed by the store)", () => {
  it("gives the same overview as the whole history, on random histories and dates", {
    timeout: 60_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(history("11"), history("12"), history("13")),
        fc.integer({ min: -20, max: 220 }),
        async (histories, day) => {
          const store = await createEmptyStore();
          await store.saveUnits(UNITS);
          const all: Report[] = histories.flat();
          await store.insertReports(all);
          const campaign = await store.campaign();
          const date = addDays("2024-02-03", day);
          const reads = assessmentReads(campaign, date);
          const ids = ["11", "12", "13"];
          const reduced = await store.reportsForAssessment(ids, reads);
          const full = await store.reportHistories(ids);
          for (const id of ids) {
            expect(reduced.get(id) ?? [], id).toEqual(selectReads(full.get(id) ?? [], reads));
          }
          const tree = (await store.unitHistory()).treeOn(date);
          expect(overviewOf(tree, "1", reduced, campaign, date)).toEqual(
            overviewOf(tree, "1", full, campaign, date),
          );
          await store.close();
        },
      ),
      // Each run is a new database: on PostgreSQL that takes a tenth of a second.
      { numRuns: TEST_ENGINE === "postgres" ? 40 : 150 },
    );
  });
});
