import { describe, expect, it } from "vitest";
import { createCampaign, createReport } from "../../test/testing.ts";
import { assess } from "./assess.ts";
import { checkDrive, type Drive, type DriveInput, driveEffect, suggestDrives } from "./drives.ts";
import type { Report, Unit } from "./types.ts";
import { reportingUnitState } from "./unit-state.ts";

const commune = (id: string): Unit => ({ id, name: `Xã ${id}`, kind: "commune", parentId: "547" });
const village: Unit = { id: "2185001", name: "Thôn 1", kind: "village", parentId: "21850" };
const drive = (overrides: Partial<Drive> = {}): Drive => ({
  id: 1,
  unitId: "21850",
  villageId: null,
  date: "2024-05-15",
  startTime: "07:30",
  endTime: "11:00",
  team: "Đoàn xã",
  planned: 50,
  status: "planned",
  registrations: null,
  linked: null,
  notes: "",
  ...overrides,
});
const codes = (input: DriveInput, unit: Unit = commune("21850"), v?: Unit) =>
  checkDrive(input, unit, v).map((p) => `${p.field}:${p.code}`);

describe("drive rules", () => {
  it("accepts a sound drive, with or without a village of its commune", () => {
    expect(codes(drive())).toEqual([]);
    expect(codes(drive({ villageId: "2185001" }), commune("21850"), village)).toEqual([]);
  });

  it("names each problem's field", () => {
    expect(checkDrive(drive({ unitId: "9" }), undefined, undefined).map((p) => p.code)).toEqual([
      "UNKNOWN_UNIT",
    ]);
    expect(
      codes(drive({ unitId: "547" }), { id: "547", name: "Huyện", kind: "district", parentId: null }),
    ).toEqual(["unitId:NOT_REPORTING_UNIT"]);
    expect(
      codes(drive({ villageId: "2180801" }), commune("21850"), {
        ...village,
        id: "2180801",
        parentId: "21808",
      }),
    ).toEqual(["villageId:VILLAGE_NOT_IN_COMMUNE"]);
    expect(codes(drive({ villageId: "21808" }), commune("21850"), commune("21808"))).toEqual([
      "villageId:UNKNOWN_VILLAGE",
    ]);
    expect(codes(drive({ date: "15/05/2024" }))).toEqual(["date:INVALID_DATE"]);
    expect(codes(drive({ startTime: "7h30" }))).toEqual(["startTime:INVALID_TIME"]);
    expect(codes(drive({ startTime: "11:00", endTime: "07:30" }))).toEqual(["endTime:END_BEFORE_START"]);
    expect(codes(drive({ startTime: "11:00", endTime: "11:00" }))).toEqual(["endTime:END_BEFORE_START"]);
    expect(codes(drive({ team: "  " }))).toEqual(["team:TEAM_REQUIRED"]);
    expect(codes(drive({ planned: -1 }))).toEqual(["planned:NOT_A_COUNT"]);
    expect(codes(drive({ status: "done", registrations: 2.5, linked: -3 }))).toEqual([
      "registrations:NOT_A_COUNT",
      "linked:NOT_A_COUNT",
    ]);
    expect(codes(drive({ status: "done" }))).toEqual(["registrations:RESULTS_REQUIRED"]);
  });
});

describe("what followed a drive", () => {
  it("compares the commune's pace over the 14 days before and after, and results against the plan", () => {
    const history: Report[] = [
      createReport({ date: "2024-05-01", level2: 500 }),
      createReport({ date: "2024-05-08", level2: 535 }), // 5 a day before
      createReport({ date: "2024-05-15", level2: 570 }),
      createReport({ date: "2024-05-22", level2: 675 }), // 15 a day after
      createReport({ date: "2024-05-29", level2: 780 }),
      createReport({ date: "2024-06-05", level2: 790 }), // outside the 14 days after
    ];
    const effect = driveEffect(drive({ status: "done", registrations: 60, linked: 20 }), history);
    expect(effect).toEqual({ paceBefore: 5, paceAfter: 15, deliveredShare: 1.2, deliveredPercent: 120 });
    expect(driveEffect(drive(), history.slice(0, 1)).paceBefore).toBeNull();
    expect(
      driveEffect(drive({ planned: 0, status: "done", registrations: 3 }), history).deliveredShare,
    ).toBeNull();
  });
});

describe("where next", () => {
  it("ranks communes by the accounts needed to get back on the trajectory, with the numbers behind it", () => {
    const campaign = createCampaign();
    const date = "2024-03-04";
    const line = (id: string, start: number, now: number, population = 1000) => {
      const history = [
        createReport({ unitId: id, date: "2024-02-03", population, level2: start }),
        createReport({ unitId: id, date, population, level2: now }),
      ];
      return {
        unit: commune(id),
        ...assess(reportingUnitState(commune(id), history, campaign, date), campaign, date, false),
      };
    };
    // On 2024-03-04 the line from 50% expects 60.07%: b at 52% is 81 accounts behind, a at 59% is 11;
    // c is ahead; d (100%) and e (above its population) have nobody left to reach.
    const communes = [
      line("a", 500, 590),
      line("b", 500, 520),
      line("c", 500, 700),
      line("d", 500, 1000),
      line("e", 500, 560, 500),
    ];
    const drives = [
      drive({ unitId: "b", date: "2024-02-20", status: "done", registrations: 10 }),
      drive({ unitId: "b", date: "2024-02-27", status: "cancelled" }),
      drive({ unitId: "b", date: "2024-03-10", status: "done", registrations: 10 }),
    ];
    const ranked = suggestDrives(communes, drives, date);
    expect(ranked.map((s) => s.unit.id)).toEqual(["b", "a", "c"]);
    expect(ranked[0]).toMatchObject({
      gap: 81,
      remaining: 480,
      lastDrive: "2024-02-20",
      daysSinceLastDrive: 13,
      lagging: true,
    });
    expect(ranked[1]).toMatchObject({ gap: 11, lastDrive: null, daysSinceLastDrive: null });
  });
});
