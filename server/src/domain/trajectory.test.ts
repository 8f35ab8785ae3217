import { describe, expect, it } from "vitest";
import { expectedRate } from "./trajectory.ts";

describe("expectedRate", () => {
  const baseline = { date: "2024-02-03", rate: 0.5 };

  it("runs straight from the baseline to the target at the deadline", () => {
    expect(expectedRate(baseline, "2024-07-01", 1, "2024-02-03")).toBe(0.5);
    // 30 of 149 days: 0.5 + 0.5 × 30 / 149.
    expect(expectedRate(baseline, "2024-07-01", 1, "2024-03-04")).toBeCloseTo(0.600671, 6);
    expect(expectedRate(baseline, "2024-07-01", 1, "2024-06-30")).toBeCloseTo(0.5 + (0.5 * 148) / 149, 10);
  });

  it("is the target from the deadline on, and unknown before the baseline", () => {
    expect(expectedRate(baseline, "2024-07-01", 1, "2024-07-01")).toBe(1);
    expect(expectedRate(baseline, "2024-07-01", 0.9, "2024-09-01")).toBe(0.9);
    expect(expectedRate(baseline, "2024-07-01", 1, "2024-02-02")).toBeNull();
  });
});
