import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isIsoDate } from "./dates.ts";

describe("dates", () => {
  it("accepts only real calendar dates written YYYY-MM-DD", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-45")).toBe(false);
    expect(isIsoDate("03/02/2024")).toBe(false);
    expect(isIsoDate("2024-2-3")).toBe(false);
    expect(isIsoDate(" 2024-02-03")).toBe(false);
  });

  it("counts the directive's 149 days from 03/02/2024 to 01/07/2024", () => {
    expect(daysBetween("2024-02-03", "2024-07-01")).toBe(149);
    expect(daysBetween("2024-07-01", "2024-02-03")).toBe(-149);
  });

  it("adds days across months and leap days", () => {
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addDays("2024-06-29", -28)).toBe("2024-06-01");
  });
});
