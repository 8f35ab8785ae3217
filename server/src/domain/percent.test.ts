import { describe, expect, it } from "vitest";
import {
  percentTextOf,
  rateOfPercentText,
  roundTo2,
  truncatedPercent,
  truncatedPercentOfRate,
} from "./percent.ts";

describe("truncatedPercent", () => {
  it("shows the directive's 80,272 / 122,204 as 65.68, truncated like the directive", () => {
    // 80,272 / 122,204 = 65.6869…%: rounding would give 65.69.
    expect(truncatedPercent(80_272, 122_204)).toBe("65.68");
  });

  it("never rounds up to 100%", () => {
    expect(truncatedPercent(99_999, 100_000)).toBe("99.99");
    expect(truncatedPercent(122_203, 122_204)).toBe("99.99");
    expect(truncatedPercent(122_204, 122_204)).toBe("100.00");
  });

  it("keeps rates above 100% visible", () => {
    expect(truncatedPercent(101, 100)).toBe("101.00");
  });

  it("pads and truncates the hundredths", () => {
    expect(truncatedPercent(1, 3)).toBe("33.33");
    expect(truncatedPercent(2, 3)).toBe("66.66");
    expect(truncatedPercent(1, 200)).toBe("0.50");
    expect(truncatedPercent(0, 5)).toBe("0.00");
  });

  it("has no percent without a denominator", () => {
    expect(truncatedPercent(0, 0)).toBeNull();
    expect(truncatedPercent(5, 0)).toBeNull();
  });
});

describe("truncatedPercentOfRate", () => {
  it("truncates without binary rounding errors", () => {
    expect(truncatedPercentOfRate(0.6568)).toBe("65.68");
    expect(truncatedPercentOfRate(0.29)).toBe("29.00");
    expect(truncatedPercentOfRate(0.999999)).toBe("99.99");
    expect(truncatedPercentOfRate(null)).toBeNull();
  });
});

describe("roundTo2", () => {
  it("rounds the directive's required pace to 281.42 per day", () => {
    expect(roundTo2((122_204 - 80_272) / 149)).toBe(281.42);
  });
});

describe("a target typed as a percent", () => {
  it("reads a decimal comma or point, and nothing else", () => {
    expect(rateOfPercentText("97,5")).toBe(0.975);
    expect(rateOfPercentText("97.5")).toBe(0.975);
    expect(rateOfPercentText("100")).toBe(1);
    expect(rateOfPercentText("99.99%")).toBe(0.9999);
    for (const bad of ["", "abc", "1.000", "97,555", "-5", "1e2"]) expect(rateOfPercentText(bad)).toBeNull();
  });

  it("writes a canonical percent as a person types it", () => {
    expect(percentTextOf("100.00", ",")).toBe("100");
    expect(percentTextOf("97.50", ",")).toBe("97,5");
    expect(percentTextOf("97.50", ".")).toBe("97.5");
  });
});
