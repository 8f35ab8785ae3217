import { describe, expect, it } from "vitest";
import { createReport } from "../../test/testing.ts";
import { etaOn, leastSquaresSlope, paceOn, remainingToTarget, requiredPerDay } from "./pace.ts";

describe("leastSquaresSlope", () => {
  it("fits the slope of noisy points", () => {
    // y = 2x + 1 with residuals +1, -1, -1, +1 that cancel in the fit.
    expect(
      leastSquaresSlope([
        { x: 0, y: 2 },
        { x: 1, y: 2 },
        { x: 2, y: 4 },
        { x: 3, y: 8 },
      ]),
    ).toBeCloseTo(2, 10);
  });

  it("is unknown with fewer than two points", () => {
    expect(leastSquaresSlope([])).toBeNull();
    expect(leastSquaresSlope([{ x: 1, y: 5 }])).toBeNull();
  });
});

describe("paceOn", () => {
  const history = [
    createReport({ date: "2024-02-03", level2: 100 }),
    createReport({ date: "2024-03-02", level2: 400 }),
    createReport({ date: "2024-03-09", level2: 470 }),
    createReport({ date: "2024-03-16", level2: 540 }),
  ];

  it("uses only the reports of the trailing 28 days, both ends included", () => {
    // 2024-03-30 − 28 days = 2024-03-02: the three March reports, 10 a day.
    expect(paceOn(history, "2024-03-30", "coverage", 28)).toBeCloseTo(10, 10);
    // On 2024-03-29 the window starts 2024-03-01: the same three.
    expect(paceOn(history, "2024-03-29", "coverage", 28)).toBeCloseTo(10, 10);
  });

  it("is unknown with a single report in the window", () => {
    expect(paceOn(history, "2024-04-13", "coverage", 28)).toBeNull();
    expect(paceOn(history.slice(0, 1), "2024-02-03", "coverage", 28)).toBeNull();
  });

  it("measures linking on linked accounts", () => {
    const linking = [
      createReport({ date: "2024-03-02", linked: 10 }),
      createReport({ date: "2024-03-09", linked: 24 }),
    ];
    expect(paceOn(linking, "2024-03-09", "linking", 28)).toBeCloseTo(2, 10);
  });
});

describe("required pace and ETA", () => {
  it("needs 281.42 a day on 03/02/2024 for the directive's figures", () => {
    const remaining = remainingToTarget(1, 122_204, 80_272);
    expect(remaining).toBe(41_932);
    expect(requiredPerDay(remaining, 149)).toBeCloseTo(281.4228, 4);
  });

  it("counts whole people for a target below 100% and never goes below zero", () => {
    expect(remainingToTarget(0.7, 100, 0)).toBe(70);
    expect(remainingToTarget(0.9, 122_204, 0)).toBe(109_984);
    expect(remainingToTarget(1, 100, 120)).toBe(0);
  });

  it("has no required pace once the deadline has come", () => {
    expect(requiredPerDay(10, 0)).toBeNull();
    expect(requiredPerDay(10, -3)).toBeNull();
  });

  it("dates the ETA by whole days, and has none without progress", () => {
    expect(etaOn("2024-06-01", 100, 30)).toBe("2024-06-05");
    expect(etaOn("2024-06-01", 90, 30)).toBe("2024-06-04");
    expect(etaOn("2024-06-01", 0, null)).toBe("2024-06-01");
    expect(etaOn("2024-06-01", 90, 0)).toBeNull();
    expect(etaOn("2024-06-01", 90, -2)).toBeNull();
    expect(etaOn("2024-06-01", 90, null)).toBeNull();
  });
});
