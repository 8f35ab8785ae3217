import { describe, expect, it } from "vitest";
import { formatters } from "./format.ts";

describe("Vietnamese formats", () => {
  const f = formatters("vi");

  it("writes the directive's figures as the directive does", () => {
    expect(f.integer(80_272)).toBe("80.272");
    expect(f.integer(122_204)).toBe("122.204");
    expect(f.percent("65.68")).toBe("65,68%");
    expect(f.date("2024-02-03")).toBe("03/02/2024");
  });

  it("writes per-day figures, changes and trajectory rates", () => {
    // People are whole: 281,42 a day needs 282 people a day.
    expect(f.perDay(281.42)).toBe("282");
    expect(f.perDay(436.87)).toBe("437");
    expect(f.perDay(1234)).toBe("1.234");
    expect(f.points(2.5)).toBe("+2,50");
    expect(f.points(-0.3)).toBe("-0,30");
    expect(f.signedInteger(1234)).toBe("+1.234");
  });

  it("names the day in Vietnamese", () => {
    expect(f.longDate("2024-02-03")).toBe("Thứ Bảy, 03/02/2024");
  });

  it("shows a dash for a percent that cannot be computed", () => {
    expect(f.percent(null)).toBe("—");
  });
});

describe("English formats", () => {
  const f = formatters("en");

  it("keeps day-first dates and uses English separators", () => {
    expect(f.integer(80_272)).toBe("80,272");
    expect(f.percent("65.68")).toBe("65.68%");
    expect(f.date("2024-02-03")).toBe("03/02/2024");
  });
});
