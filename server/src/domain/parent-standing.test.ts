import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCampaign, createReport } from "../../test/testing.ts";
import { assess } from "./assess.ts";
import type { UnitState } from "./assessment-types.ts";
import { addDays } from "./dates.ts";
import type { Report } from "./types.ts";
import { reportingUnitState, sumStates } from "./unit-state.ts";

// A parent is judged by its reporting units, each against its own target (docs/figures.md: "The target
// applies to every reporting unit"). The deadline is 2024-07-01; the date 2024-06-01 leaves 30 days.
const campaign = createCampaign();
const date = "2024-06-01";

/** Two weekly reports of a commune of `population` ending on `date` with `level2`, gaining `perWeek`. */
function commune(id: string, population: number, level2: number, perWeek: number | null): Report[] {
  const last = createReport({ unitId: id, date, population, level2, dual: 100, linked: 100 });
  if (perWeek === null) return [last];
  return [{ ...last, date: addDays(date, -7), level2: level2 - perWeek }, last];
}

function parentOf(histories: Report[][]) {
  const states = histories.map((history, i) =>
    reportingUnitState({ id: `u${i}`, name: `Xã ${i}` }, history, campaign, date),
  );
  return { states, parent: assess(sumStates(states), campaign, date, true) };
}

const offPace = (flags: { code: string; metric: string | null }[]) =>
  flags.some((f) => f.code === "OFF_PACE" && f.metric === "coverage");

describe("a parent judged by its units", () => {
  it("does not let a commune above 100% make up for one below", () => {
    // a: 1,100 of 1,000 (above); b: 900 of 1,000 with 100 still to reach. Totals say 2,000 of 2,000.
    const { parent } = parentOf([commune("a", 1000, 1100, 70), commune("b", 1000, 900, 7)]);
    expect(parent.figures.level2).toBe(2000);
    expect(parent.coverage.remaining).toBe(100);
    expect(parent.coverage.requiredPerDay).toBe(3.33); // 100 / 30
    // b gains 1 a day: 100 more take until 2024-09-09, after the deadline.
    expect(parent.coverage.eta).toBe("2024-09-09");
    expect(parent.coverage.units).toEqual({ done: 1, onTrack: 0, offTrack: 1, notJudged: 0 });
    expect(offPace(parent.flags)).toBe(true);
    // Projection: a stays at 1,100, b reaches 930 of its 1,000.
    expect(parent.coverage.projection).toEqual({ date: "2024-07-01", count: 2030, percent: "101.50" });
  });

  it("is off track when one unit is, and the flag names it with its ETA", () => {
    const { parent } = parentOf([commune("a", 1000, 990, 70), commune("b", 1000, 900, 7)]);
    const flag = parent.flags.find((f) => f.code === "OFF_PACE" && f.metric === "coverage");
    expect(flag?.message).toBe(
      "1 of 2 reporting units will not reach the target before 2024-07-01 at their current pace: " +
        "Xã 1 (2024-09-09). At current paces the coverage reaches 96.50% by the deadline.",
    );
    expect(flag?.values.units).toEqual([{ id: "u1", name: "Xã 1", eta: "2024-09-09", shortfall: 70 }]);
    expect(parent.coverage.units).toEqual({ done: 0, onTrack: 1, offTrack: 1, notJudged: 0 });
    expect(parent.lagging).toBe(true);
  });

  it("leaves a unit with an unknown pace not judged, and the parent's ETA unknown", () => {
    const { parent } = parentOf([commune("a", 1000, 990, 70), commune("b", 1000, 900, null)]);
    expect(parent.coverage.units).toEqual({ done: 0, onTrack: 1, offTrack: 0, notJudged: 1 });
    expect(parent.coverage.eta).toBeNull();
    expect(parent.coverage.etaKind).toBe("unknown");
    expect(offPace(parent.flags)).toBe(false);
    // The unknown pace projects nothing more: b stays at 900.
    expect(parent.coverage.projection?.count).toBe(1000 + 900);
  });

  it("calls a unit with a pace of zero off track, with no ETA, and so the parent's ETA is none", () => {
    const { states, parent } = parentOf([commune("a", 1000, 990, 70), commune("b", 1000, 900, 0)]);
    const b = assess(states[1] as UnitState, campaign, date, false);
    expect(b.coverage.eta).toBeNull();
    expect(b.coverage.etaKind).toBe("never");
    expect(offPace(b.flags)).toBe(true);
    expect(parent.coverage.etaKind).toBe("never");
    expect(parent.coverage.units.offTrack).toBe(1);
  });

  it("calls an ETA on the deadline day off track: the target must be met on figures dated before it", () => {
    // 30 remaining at 1 a day: 2024-06-01 + 30 = 2024-07-01.
    const { states, parent } = parentOf([commune("a", 1000, 970, 7)]);
    const a = assess(states[0] as UnitState, campaign, date, false);
    expect(a.coverage.eta).toBe("2024-07-01");
    expect(a.coverage.units.offTrack).toBe(1);
    expect(offPace(parent.flags)).toBe(true);
    // 29 remaining at 1 a day: 2024-06-30, in time.
    expect(parentOf([commune("a", 1000, 971, 7)]).parent.coverage.units.onTrack).toBe(1);
  });

  it("takes the latest ETA of its units, and the date itself when all are done", () => {
    const { parent } = parentOf([commune("a", 1000, 990, 70), commune("b", 1000, 980, 70)]);
    expect(parent.coverage.eta).toBe("2024-06-03"); // b: 20 at 10 a day
    expect(parentOf([commune("a", 1000, 1000, 70)]).parent.coverage.eta).toBe(date);
  });

  it("counts a unit with no report as not judged", () => {
    const { parent } = parentOf([commune("a", 1000, 1000, 70), []]);
    expect(parent.coverage.units).toEqual({ done: 1, onTrack: 0, offTrack: 0, notJudged: 1 });
    expect(parent.coverage.etaKind).toBe("unknown");
  });
});

describe("a parent's projection and standing (property)", () => {
  const unitArb = fc
    .record({
      population: fc.integer({ min: 1, max: 20_000 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      perWeek: fc.option(fc.integer({ min: -50, max: 3_000 }), { nil: null }),
    })
    .map(({ population, share, perWeek }) =>
      // Counts never above the population, so each unit's target bounds its projection.
      commune("x", population, Math.floor(population * share), perWeek),
    );

  it("lies between the sum of the counts and the sum of the target counts; on track exactly when every unit is", () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 12 }), (histories) => {
        const { states, parent } = parentOf(histories);
        const units = states.map((s) => assess(s, campaign, date, false));
        const counts = units.reduce((sum, u) => sum + u.figures.level2, 0);
        const targets = units.reduce((sum, u) => sum + u.coverage.targetCount, 0);
        const projection = parent.coverage.projection?.count ?? Number.NaN;
        expect(projection).toBeGreaterThanOrEqual(counts);
        expect(projection).toBeLessThanOrEqual(targets);
        const allOnTrack = units.every((u) => u.coverage.units.done + u.coverage.units.onTrack === 1);
        const { done, onTrack } = parent.coverage.units;
        expect(done + onTrack === units.length).toBe(allOnTrack);
        expect(offPace(parent.flags)).toBe(units.some((u) => offPace(u.flags)));
        expect(parent.coverage.remaining).toBe(units.reduce((sum, u) => sum + u.coverage.remaining, 0));
      }),
      { numRuns: 300 },
    );
  });
});
