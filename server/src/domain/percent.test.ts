import { describe, expect, it } from "vitest";
import { roundTo2, truncatedPercent, truncatedPercentOfRate } from "./percent.ts";

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
