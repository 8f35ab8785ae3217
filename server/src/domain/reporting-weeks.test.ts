import { describe, expect, it } from "vitest";
import {
  DEFAULT_DUE,
  dueOf,
  reportingStatus,
  vietnamTime,
  weekFromLabel,
  weekLabel,
  weekNumberOf,
  weekOfYear,
  weekStart,
  weekStatuses,
} from "./reporting-weeks.ts";

describe("reporting weeks", () => {
  it("run Monday to Sunday, labelled as ISO weeks", () => {
    expect(weekStart("2024-04-06")).toBe("2024-04-01"); // a Saturday
    expect(weekStart("2024-04-07")).toBe("2024-04-01"); // a Sunday belongs to the week before it
    expect(weekStart("2024-04-08")).toBe("2024-04-08");
    expect(weekLabel("2024-04-06")).toBe("2024-W14");
    expect(weekLabel("2024-12-30")).toBe("2025-W01"); // the week of 2 January 2025
    expect(weekNumberOf("2024-W07")).toBe("7/2024");
    expect(weekOfYear(weekLabel("2025-06-30"))).toBe(27);
    expect(weekLabel("2021-01-03")).toBe("2020-W53");
    expect(weekFromLabel("2024-W14")).toBe("2024-04-01");
    expect(weekFromLabel("2020-W53")).toBe("2020-12-28");
    expect(weekFromLabel("2024-W53")).toBeUndefined(); // 2024 has 52 weeks
    expect(weekFromLabel("2024-14")).toBeUndefined();
  });

  it("are due the following Monday at 12:00 in Vietnam", () => {
    expect(dueOf("2024-04-01")).toBe("2024-04-08T12:00:00+07:00");
    expect(dueOf("2024-04-01", { days: 2, time: "17:30" })).toBe("2024-04-09T17:30:00+07:00");
    expect(vietnamTime("2024-04-08T05:00:00.000Z")).toBe("08/04/2024 12:00");
  });

  it("count a report recorded at 11:59 on the Monday on time, at 12:01 late (Vietnam's time, stored in UTC)", () => {
    const due = dueOf("2024-04-01");
    expect(reportingStatus("2024-04-08T04:59:00.000Z", due)).toBe("on_time"); // 11:59 in Vietnam
    expect(reportingStatus("2024-04-08T05:00:00.000Z", due)).toBe("on_time"); // 12:00 sharp
    expect(reportingStatus("2024-04-08T05:01:00.000Z", due)).toBe("late"); // 12:01
    expect(reportingStatus(null, due)).toBe("missing");
  });

  it("judge a unit by its first report of the week: a revision after the due time does not make it late", () => {
    const recorded = new Map([
      // Recorded on time on Saturday; the revision at 15:00 on Monday keeps the first time.
      ["a", new Map([["2024-04-06", "2024-04-06T10:00:00.000Z"]])],
      // Dated on the Sunday: still the week of 01/04, recorded late on Tuesday.
      ["b", new Map([["2024-04-07", "2024-04-09T02:00:00.000Z"]])],
      // Dated the next Monday: not a report for this week.
      ["c", new Map([["2024-04-08", "2024-04-08T01:00:00.000Z"]])],
    ]);
    const { due, units } = weekStatuses("2024-04-01", ["a", "b", "c"], recorded, DEFAULT_DUE);
    expect(due).toBe("2024-04-08T12:00:00+07:00");
    expect(units).toEqual([
      { unitId: "a", status: "on_time", recordedAt: "2024-04-06T10:00:00.000Z" },
      { unitId: "b", status: "late", recordedAt: "2024-04-09T02:00:00.000Z" },
      { unitId: "c", status: "missing", recordedAt: null },
    ]);
  });
});
