import { describe, expect, it } from "vitest";
import { formatDate, formatInteger, formatPercent } from "./format.ts";

describe("Vietnamese formats", () => {
  it("writes the directive's figures as the directive does", () => {
    expect(formatInteger(80_272)).toBe("80.272");
    expect(formatInteger(122_204)).toBe("122.204");
    expect(formatPercent("65.68")).toBe("65,68%");
    expect(formatDate("2024-02-03")).toBe("03/02/2024");
  });

  it("shows a dash for a percent that cannot be computed", () => {
    expect(formatPercent(null)).toBe("—");
  });
});
