import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countValue, parseCount } from "./counts.ts";

describe("parseCount: counts typed or imported the Vietnamese way", () => {
  it("groups thousands with a dot, a comma or a space between groups of exactly three digits", () => {
    expect(parseCount("80.272")).toBe(80_272);
    expect(parseCount("80,272")).toBe(80_272);
    expect(parseCount("1 000")).toBe(1000);
    expect(parseCount("1.000")).toBe(1000);
    expect(parseCount("1\u00a0050")).toBe(1050);
    expect(parseCount("122.204")).toBe(122_204);
    expect(parseCount("1.080.272")).toBe(1_080_272);
    expect(parseCount(" 873 ")).toBe(873);
    expect(parseCount("-5")).toBe(-5);
  });

  it("refuses whatever is not a whole number, never reading it as a smaller one", () => {
    for (const text of [
      "1,5",
      "1.05",
      "6.41O",
      "80.5",
      "1.080,272",
      "1.0000",
      "12,34,567",
      ",100",
      "",
      "abc",
      "1e3",
    ]) {
      expect(parseCount(text), text).toBeNull();
    }
    expect(parseCount("9".repeat(20))).toBeNull();
  });

  it("reads back every whole number written with any of the separators", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.constantFrom(".", ",", " ", ""),
        (n, sep) => {
          const written = n.toLocaleString("en-US").replace(/,/g, sep);
          expect(parseCount(written)).toBe(n);
        },
      ),
    );
  });

  it("hands the rules the value as given when it is not a count", () => {
    expect(countValue("1,5")).toBe("1,5");
    expect(countValue(7564)).toBe(7564);
    expect(countValue("")).toBeNull();
    expect(countValue("5,850")).toBe(5850);
  });
});
