import { describe, expect, it } from "vitest";
import { createReport } from "../../test/testing.ts";
import { checkReport, type ReportInput } from "./report-validation.ts";
import type { Unit } from "./types.ts";

const commune: Unit = { id: "21850", name: "Xã Tây Phú", kind: "commune", parentId: "547" };
const district: Unit = { id: "547", name: "Huyện Tây Sơn", kind: "district", parentId: "52" };
const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  unitId: "21850",
  date: "2024-07-06",
  population: 7564,
  level2: 6512,
  dual: 3710,
  linked: 2461,
  ...overrides,
});
const today = "2024-07-10";
const earliest = "2024-01-01";
const codes = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);

describe("errors that block a report", () => {
  it("accepts a sound report", () => {
    expect(checkReport(input(), commune, [], today, earliest)).toEqual({
      errors: [],
      warnings: [],
      report: { ...input() },
    });
  });

  it("names an unknown unit and a unit that does not report", () => {
    expect(codes(checkReport(input({ unitId: "99999" }), undefined, [], today, earliest).errors)).toEqual([
      "unitId:UNKNOWN_UNIT",
    ]);
    const notReporting = checkReport(input({ unitId: "547" }), district, [], today, earliest).errors[0];
    expect(notReporting?.message).toBe(
      "Huyện Tây Sơn (547) is a district: reports are made by communes, towns and wards.",
    );
  });

  it("refuses a malformed or future date", () => {
    expect(codes(checkReport(input({ date: "06/07/2024" }), commune, [], today, earliest).errors)).toEqual([
      "date:INVALID_DATE",
    ]);
    expect(checkReport(input({ date: "2024-07-11" }), commune, [], today, earliest).errors[0]?.message).toBe(
      "The date 2024-07-11 is after today (2024-07-10): figures describe a day that has passed.",
    );
  });

  it("refuses counts that are not whole numbers, or negative", () => {
    const result = checkReport(
      input({ population: 75.5, level2: "6512", dual: null, linked: -1 }),
      commune,
      [],
      today,
      earliest,
    );
    expect(codes(result.errors)).toEqual([
      "population:NOT_WHOLE_NUMBER",
      "level2:NOT_WHOLE_NUMBER",
      "dual:NOT_WHOLE_NUMBER",
      "linked:NEGATIVE",
    ]);
    expect(result.errors[1]?.message).toBe('Level-2 accounts must be a whole number, not "6512".');
  });

  it("refuses implausible figures: a count above 10,000,000, a date before the campaign's year", () => {
    const huge = checkReport(
      input({ population: 2 ** 53 - 1, level2: 2 ** 53 - 1 }),
      commune,
      [],
      today,
      earliest,
    );
    expect(codes(huge.errors)).toEqual(["population:COUNT_TOO_LARGE", "level2:COUNT_TOO_LARGE"]);
    expect(huge.errors[0]?.message).toBe(
      "Population 9,007,199,254,740,991 is more than 10,000,000, more people than any commune has.",
    );
    expect(checkReport(input({ population: 10_000_000 }), commune, [], today, earliest).errors).toEqual([]);
    const ancient = checkReport(input({ date: "0100-01-01" }), commune, [], today, earliest);
    expect(codes(ancient.errors)).toEqual(["date:DATE_TOO_EARLY"]);
    expect(ancient.errors[0]?.message).toBe(
      "The date 0100-01-01 is before 2024-01-01: the campaign's figures start in 2024.",
    );
  });

  it("refuses dual above level 2 and linked above dual, with the numbers", () => {
    const result = checkReport(
      input({ level2: 3000, dual: 3710, linked: 3800 }),
      commune,
      [],
      today,
      earliest,
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      "People with both accounts (3,710) cannot exceed level-2 accounts (3,000).",
      "Linked accounts (3,800) cannot exceed people with both accounts (3,710).",
    ]);
  });
});

describe("warnings that need a confirmation", () => {
  it("warns of coverage above 100%", () => {
    const result = checkReport(input({ level2: 7600 }), commune, [], today, earliest);
    expect(result.errors).toEqual([]);
    expect(result.warnings[0]?.message).toBe(
      "Level-2 accounts (7,600) exceed the population in scope (7,564): coverage above 100%.",
    );
  });

  it("warns of any count lower than the previous report, whichever the field", () => {
    const previous = createReport({
      date: "2024-06-29",
      population: 7564,
      level2: 6600,
      dual: 3700,
      linked: 2500,
    });
    const result = checkReport(input(), commune, [previous], today, earliest);
    expect(codes(result.warnings)).toEqual(["level2:BELOW_PREVIOUS", "linked:BELOW_PREVIOUS"]);
    expect(result.warnings[0]?.message).toBe(
      "Level-2 accounts 6,512 is lower than 6,600 in the report of 2024-06-29.",
    );
  });

  it("asks to confirm a population that rose more than 2% and 50 people, naming both numbers", () => {
    const previous = createReport({
      date: "2024-06-29",
      population: 7000,
      level2: 6000,
      dual: 3000,
      linked: 2000,
    });
    // 7,564 against 7,000: 564 people, 8%.
    const moved = checkReport(input(), commune, [previous], today, earliest);
    expect(codes(moved.warnings)).toEqual(["population:POPULATION_CHANGED"]);
    expect(moved.warnings[0]?.message).toBe(
      "Population 7,564 is above 7,000 in the report of 2024-06-29 by 564 (more than 2% and 50 people).",
    );
    // A fall is named once, as lower than the previous report.
    const higher = { ...previous, population: 8000 };
    expect(codes(checkReport(input(), commune, [higher], today, earliest).warnings)).toEqual([
      "population:BELOW_PREVIOUS",
    ]);
    // 2% of 7,000 is 140: 7,139 passes, and so do 45 people in a small commune where 2% is less.
    expect(checkReport(input({ population: 7139 }), commune, [previous], today, earliest).warnings).toEqual(
      [],
    );
    const small = createReport({ date: "2024-06-29", population: 1000, level2: 500, dual: 400, linked: 100 });
    const smallInput = input({ population: 1045, level2: 500, dual: 400, linked: 100 });
    expect(checkReport(smallInput, commune, [small], today, earliest).warnings).toEqual([]);
  });

  it("compares with the report before the date, not a later one", () => {
    const later = createReport({
      date: "2024-07-13",
      level2: 7000,
      dual: 4000,
      linked: 3000,
      population: 7564,
    });
    expect(checkReport(input(), commune, [later], today, earliest).warnings).toEqual([]);
  });

  it("warns of a weekly jump far outside the unit's history", () => {
    const history = [100, 170, 240, 300, 370].map((level2, i) =>
      createReport({
        date: `2024-06-${String(1 + 7 * i).padStart(2, "0")}`,
        population: 1000,
        level2,
        dual: 50,
        linked: 10,
      }),
    );
    // Gains of at most 10 a day so far; 370 → 700 in 7 days is 47.1 a day.
    const jump = checkReport(
      input({ date: "2024-07-06", population: 1000, level2: 700, dual: 50, linked: 10 }),
      commune,
      history,
      today,
      earliest,
    );
    expect(jump.warnings.map((w) => w.message)).toEqual([
      "Level-2 accounts rose by 330 since 2024-06-29 (47.10 a day), more than 3 times the largest daily gain so far (10).",
    ]);
    expect(jump.warnings[0]?.values).toMatchObject({
      gain: 330,
      previous: 370,
      perDay: 47.1,
      largestPerDay: 10,
    });
    const usual = checkReport(
      input({ date: "2024-07-06", population: 1000, level2: 450, dual: 50, linked: 10 }),
      commune,
      history,
      today,
      earliest,
    );
    expect(usual.warnings).toEqual([]);
    // With too little history nothing is called unusual.
    const short = checkReport(
      input({ date: "2024-07-06", population: 1000, level2: 700, dual: 50, linked: 10 }),
      commune,
      history.slice(2),
      today,
      earliest,
    );
    expect(short.warnings).toEqual([]);
  });
});
