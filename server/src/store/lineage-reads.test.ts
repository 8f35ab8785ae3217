import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmptyStore, TEST_ENGINE } from "../../test/testing.ts";
import { addDays } from "../domain/dates.ts";
import type { Report, Unit } from "../domain/types.ts";
import type { Lineage } from "../domain/unit-history.ts";
import { versionKey } from "../domain/unit-history.ts";
import { reportingUnitState } from "../domain/unit-state.ts";

// Three communes merged and divided on 06/04/2024, then two of the new ones merged again on
// 04/05/2024: histories made across two changes, with shares.
const FIRST = "2024-04-06";
const SECOND = "2024-05-04";
const UNITS: Unit[] = [
  { id: "1", name: "Huyện Thử", kind: "district", parentId: null },
  { id: "11", name: "Xã Một", kind: "commune", parentId: "1", validTo: FIRST },
  { id: "12", name: "Xã Hai", kind: "commune", parentId: "1", validTo: FIRST },
  { id: "13", name: "Xã Ba", kind: "commune", parentId: "1", validTo: FIRST },
  { id: "21", name: "Xã Mới", kind: "commune", parentId: "1", validFrom: FIRST, validTo: SECOND },
  { id: "22", name: "Xã Bắc", kind: "commune", parentId: "1", validFrom: FIRST, validTo: SECOND },
  { id: "23", name: "Xã Nam", kind: "commune", parentId: "1", validFrom: FIRST },
  // The code 11 again, for the commune both of 2024's mergers end in.
  { id: "11", name: "Xã Hợp Nhất", kind: "commune", parentId: "1", validFrom: SECOND },
];
const LINEAGE: Lineage[] = [
  { date: FIRST, from: "11", to: "21", share: 1 },
  { date: FIRST, from: "12", to: "21", share: 1 },
  { date: FIRST, from: "13", to: "22", share: 0.4 },
  { date: FIRST, from: "13", to: "23", share: 0.6 },
  { date: SECOND, from: "21", to: "11", share: 1 },
  { date: SECOND, from: "22", to: "11", share: 1 },
];
const actor = { userId: null, username: "test", ip: null, at: "2024-06-01T00:00:00Z" };
const CODES = ["11", "12", "13", "21", "22", "23"];

/** A code's reports: on distinct days from January to July (some outside its versions' dates). */
const reportsOf = (unitId: string) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 12 }).chain((days) =>
    fc.tuple(...days.map(() => fc.integer({ min: 0, max: 5000 }))).map((populations) =>
      days.map((day, i): Report => {
        const population = populations[i] as number;
        const level2 = Math.floor(population * ((day % 10) / 10));
        return {
          unitId,
          date: addDays("2024-01-06", day),
          population,
          level2,
          dual: level2 >> 1,
          linked: level2 >> 2,
        };
      }),
    ),
  );

describe("each commune's state across changes of units, read from the dates an assessment needs", () => {
  it("equals the state of the whole history, on random histories, dates and campaigns", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(...CODES.map(reportsOf)),
        fc.integer({ min: 0, max: 210 }),
        fc.integer({ min: -30, max: 180 }),
        fc.integer({ min: 7, max: 42 }),
        async (histories, day, startDay, paceWindowDays) => {
          const store = await createEmptyStore();
          await store.changeUnits(
            () => ({ units: UNITS, lineage: LINEAGE, audit: { action: "units.setup", summary: {} } }),
            actor,
          );
          await store.insertReports(histories.flat());
          const campaign = {
            ...(await store.campaign()),
            start: addDays("2024-01-06", startDay),
            paceWindowDays,
          };
          const date = addDays("2024-01-06", day);
          const history = await store.unitHistory();
          const communes = history.versions.filter((unit) => unit.kind === "commune");
          const whole = await store.unitHistories(history, communes, date);
          for (const unit of communes) {
            // One version at a time: the answer is by code, and the code 11 names two versions.
            const states = await store.reportingStates(history, [unit], campaign, date);
            const { reports, incomplete } = whole.get(versionKey(unit)) as {
              reports: Report[];
              incomplete: null;
            };
            expect(states.get(unit.id), versionKey(unit)).toEqual(
              reportingUnitState(unit, reports, campaign, date, incomplete),
            );
          }
          await store.close();
        },
      ),
      // Each run is a new database: on PostgreSQL that takes a tenth of a second.
      { numRuns: TEST_ENGINE === "postgres" ? 40 : 150 },
    );
  });
});
