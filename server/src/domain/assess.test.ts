import { describe, expect, it } from "vitest";
import { createCampaign, createReport } from "../../test/testing.ts";
import { assess } from "./assess.ts";
import type { Report } from "./types.ts";
import { reportingUnitState, sumStates } from "./unit-state.ts";

const campaign = createCampaign();
const assessUnit = (history: Report[], date: string) =>
  assess(reportingUnitState(unit("a"), history, campaign, date), campaign, date, false);
function unit(id: string) {
  return { id, name: `Xã ${id}` };
}
const codes = (flags: { code: string; metric: string | null }[]) => flags.map((f) => `${f.code}/${f.metric}`);

describe("a reporting unit", () => {
  it("with no report is shown as missing, never as zero", () => {
    const result = assessUnit([], "2024-02-03");
    expect(result.figures.reporting).toBe(0);
    expect(result.coverage.percent).toBeNull();
    expect(result.coverage.eta).toBeNull();
    expect(codes(result.flags)).toEqual(["STALE/null"]);
    expect(result.flags[0]?.message).toContain("No report on or before 2024-02-03");
    expect(result.lagging).toBe(false);
  });

  it("with a single report has its figures and required pace but no pace to judge", () => {
    const result = assessUnit([createReport({ level2: 500, population: 1000 })], "2024-02-03");
    expect(result.coverage.percent).toBe("50.00");
    expect(result.coverage.expectedPercent).toBe("50.00");
    expect(result.coverage.pacePerDay).toBeNull();
    expect(result.coverage.requiredPerDay).toBe(3.36); // 500 / 149
    expect(result.flags).toEqual([]);
  });

  it("with zero population has no rate and raises nothing", () => {
    const result = assessUnit([createReport({ population: 0, level2: 0, dual: 0, linked: 0 })], "2024-02-03");
    expect(result.coverage.percent).toBeNull();
    expect(result.coverage.expectedPercent).toBeNull();
    expect(result.coverage.remaining).toBe(0);
    expect(result.flags).toEqual([]);
  });

  it("is BEHIND when more than the tolerance below its trajectory, with the numbers in the message", () => {
    // On 2024-03-04 (30 of 149 days) the line from 50% expects 60.0671%: 600.67 of 1,000.
    const history = [
      createReport({ date: "2024-02-03", level2: 500 }),
      createReport({ date: "2024-03-04", level2: 580 }),
    ];
    const result = assessUnit(history, "2024-03-04");
    expect(result.coverage.expectedPercent).toBe("60.06");
    expect(result.coverage.gapToExpected).toBe(21);
    const behind = result.flags.find((f) => f.code === "BEHIND" && f.metric === "coverage");
    expect(behind?.message).toBe(
      "Coverage is 58.00%, 2.07 points below the 60.06% expected on the trajectory: 21 more level-2 accounts needed to be back on it.",
    );
    expect(result.lagging).toBe(true);
  });

  it("is not BEHIND within the tolerance", () => {
    const history = [
      createReport({ date: "2024-02-03", level2: 500 }),
      createReport({ date: "2024-03-04", level2: 591 }), // 0.97 points below 60.07%
    ];
    expect(codes(assessUnit(history, "2024-03-04").flags)).not.toContain("BEHIND/coverage");
  });

  it("is OFF_PACE when its pace would reach the target only after the deadline", () => {
    const history = [
      createReport({ date: "2024-05-04", level2: 900, dual: 400, linked: 390 }),
      createReport({ date: "2024-06-01", level2: 928, dual: 400, linked: 398 }),
    ];
    // 1 a day with 72 remaining: 2024-06-01 + 72 days = 2024-08-12.
    const result = assessUnit(history, "2024-06-01");
    expect(result.coverage.pacePerDay).toBe(1);
    expect(result.coverage.eta).toBe("2024-08-12");
    const offPace = result.flags.find((f) => f.code === "OFF_PACE" && f.metric === "coverage");
    expect(offPace?.message).toBe(
      "At 1.00 level-2 accounts per day, the 72 still needed would be reached on 2024-08-12, not before the deadline 2024-07-01; 2.40 per day are needed.",
    );
    expect(result.lagging).toBe(true);
    // Linking: 2 of 400 left at 0.29 a day reaches 2024-06-08, in time.
    expect(codes(result.flags)).not.toContain("OFF_PACE/linking");
    // At 1 a day for the 30 days left: 958 of 1,000 on the deadline.
    expect(result.coverage.projection).toEqual({ date: "2024-07-01", count: 958, percent: "95.80" });
    expect(result.coverage.units).toEqual({ done: 0, onTrack: 0, offTrack: 1, notJudged: 0 });
    expect(result.coverage.shortfallPerDay).toBe(1.4); // 2.40 needed, 1.00 made
    // A week earlier (2024-05-25) the latest report was 2024-05-04's 900.
    expect(result.coverage.weekChange).toEqual({ accounts: 28, points: 2.8 });
  });

  it("projects no more than the target when the pace gets there in time", () => {
    const history = [
      createReport({ date: "2024-05-25", level2: 858 }),
      createReport({ date: "2024-06-01", level2: 928 }),
    ];
    const result = assessUnit(history, "2024-06-01");
    expect(result.coverage.eta).toBe("2024-06-09");
    expect(result.coverage.projection).toEqual({ date: "2024-07-01", count: 1000, percent: "100.00" });
    expect(result.coverage.units).toEqual({ done: 0, onTrack: 1, offTrack: 0, notJudged: 0 });
    expect(codes(result.flags)).not.toContain("OFF_PACE/coverage");
  });

  it("is OFF_PACE when its pace is zero, and also DATA when a count fell", () => {
    const flat = [
      createReport({ date: "2024-05-25", level2: 900 }),
      createReport({ date: "2024-06-01", level2: 900 }),
    ];
    const zero = assessUnit(flat, "2024-06-01");
    expect(zero.coverage.eta).toBeNull();
    expect(zero.flags.find((f) => f.code === "OFF_PACE" && f.metric === "coverage")?.message).toBe(
      "No progress in level-2 accounts over the last 28 days (0.00 per day) with 100 still to reach; 3.33 per day are needed.",
    );

    const falling = [
      createReport({ date: "2024-05-25", level2: 900 }),
      createReport({ date: "2024-06-01", level2: 886 }),
    ];
    const result = assessUnit(falling, "2024-06-01");
    expect(result.coverage.pacePerDay).toBe(-2);
    expect(codes(result.flags)).toEqual(expect.arrayContaining(["OFF_PACE/coverage", "DATA/coverage"]));
    expect(result.flags.find((f) => f.code === "DATA")?.message).toBe(
      "Level-2 accounts fell from 900 on 2024-05-25 to 886 on 2024-06-01.",
    );
  });

  it("that stopped reporting is STALE and keeps its last figures", () => {
    const history = [
      createReport({ date: "2024-02-24", level2: 700 }),
      createReport({ date: "2024-03-02", level2: 720 }),
    ];
    const onTime = assessUnit(history, "2024-03-09");
    expect(codes(onTime.flags)).not.toContain("STALE/null");
    const result = assessUnit(history, "2024-03-30");
    expect(result.figures.level2).toBe(720);
    expect(result.figures.oldestReport).toBe("2024-03-02");
    expect(result.flags.find((f) => f.code === "STALE")?.message).toBe(
      "The latest report is dated 2024-03-02, 28 days before 2024-03-30 (more than 7).",
    );
  });

  it("after the deadline expects the target and has no required pace", () => {
    const history = [
      createReport({ date: "2024-02-03", level2: 500 }),
      createReport({ date: "2024-07-06", level2: 980 }),
    ];
    const result = assessUnit(history, "2024-07-06");
    expect(result.coverage.expectedPercent).toBe("100.00");
    expect(result.coverage.requiredPerDay).toBeNull();
    expect(codes(result.flags)).toContain("BEHIND/coverage");
  });

  it("flags a rate above 100% as DATA without calling it 100%", () => {
    const result = assessUnit(
      [createReport({ population: 1000, level2: 1012, dual: 400, linked: 100 })],
      "2024-02-03",
    );
    expect(result.coverage.percent).toBe("101.20");
    expect(result.coverage.remaining).toBe(0);
    expect(result.flags.find((f) => f.code === "DATA")?.message).toBe(
      "Level-2 accounts (1,012) exceed the people in scope (1,000).",
    );
  });

  it("anchors its trajectory on its first report when it starts reporting after the campaign start", () => {
    const history = [
      createReport({ date: "2024-03-02", level2: 600 }),
      createReport({ date: "2024-03-09", level2: 610 }),
    ];
    // From 60% on 2024-03-02 to 100% on 2024-07-01 (121 days): 7 days in, 60% + 40% × 7 / 121.
    expect(assessUnit(history, "2024-03-09").coverage.expectedRate).toBeCloseTo(0.6 + (0.4 * 7) / 121, 10);
    expect(assessUnit(history, "2024-02-24").coverage.expectedRate).toBeNull();
  });
});

describe("a parent", () => {
  it("sums its reporting units, counts the missing ones, and sums the known paces", () => {
    const a = [
      createReport({ unitId: "a", date: "2024-02-03", level2: 500 }),
      createReport({ unitId: "a", date: "2024-02-10", level2: 570 }),
    ];
    const b = [
      createReport({
        unitId: "b",
        date: "2024-02-10",
        population: 3000,
        level2: 2000,
        dual: 1000,
        linked: 500,
      }),
    ];
    const date = "2024-02-10";
    const states = [a, b, []].map((history, i) => reportingUnitState(unit(`u${i}`), history, campaign, date));
    const result = assess(sumStates(states), campaign, date, true);
    expect(result.figures).toEqual({
      population: 4000,
      level2: 2570,
      dual: 1400,
      linked: 600,
      reporting: 2,
      expected: 3,
      oldestReport: "2024-02-10",
      latestReport: "2024-02-10",
    });
    expect(result.coverage.percent).toBe("64.25");
    expect(result.coverage.pacePerDay).toBe(10); // a: 70 in 7 days; b: unknown
    expect(result.flags.find((f) => f.code === "STALE")?.message).toBe(
      "1 of 3 reporting units have no report in the 7 days up to 2024-02-10, 1 of them none at all.",
    );
  });

  it("expects the population-weighted trajectory of its units", () => {
    const date = "2024-02-03";
    const states = [
      reportingUnitState(
        unit("a"),
        [createReport({ unitId: "a", population: 1000, level2: 500 })],
        campaign,
        date,
      ),
      reportingUnitState(
        unit("b"),
        [createReport({ unitId: "b", population: 3000, level2: 2700, dual: 2000 })],
        campaign,
        date,
      ),
    ];
    const result = assess(sumStates(states), campaign, date, true);
    expect(result.coverage.expectedPercent).toBe("80.00");
    expect(result.coverage.gapToExpected).toBe(0);
  });
});
