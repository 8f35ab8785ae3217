import type { Drive, DriveEffect } from "../domain/drives.ts";
import type { UnitHistory } from "../domain/unit-history.ts";
import { vi } from "../messages/vi.ts";
import type { Cell, SheetSpec } from "./cells.ts";

export const DRIVES_HEADER = [
  "id",
  "unit_code",
  "unit_name",
  "village_code",
  "village_name",
  "date",
  "start_time",
  "end_time",
  "team",
  "planned",
  "status",
  "registrations",
  "linked",
  "notes",
  "pace_before_per_day",
  "pace_after_per_day",
];

/** A drive's place by the name it had on the drive's date (a drive keeps the unit version it was held in). */
const nameOn = (history: UnitHistory, id: string, date: string) => history.resolve(id, date)?.unit.name ?? id;

/** The drive plan as a table: one line per drive, with what followed the finished ones. */
export function drivesRows(
  drives: readonly (Drive & { effect?: DriveEffect | null })[],
  history: UnitHistory,
): Cell[][] {
  return drives.map((d) => [
    d.id,
    d.unitId,
    nameOn(history, d.unitId, d.date),
    d.villageId,
    d.villageId === null ? null : nameOn(history, d.villageId, d.date),
    d.date,
    d.startTime,
    d.endTime,
    d.team,
    d.planned,
    d.status,
    d.registrations,
    d.linked,
    d.notes,
    d.effect?.paceBefore ?? null,
    d.effect?.paceAfter ?? null,
  ]);
}

/** The statuses as the pages write them (the catalogue's words: this file said "Hủy" where they say "Đã hủy"). */
const STATUS_VI = vi.statusNames;

/** The drives of a week for the weekly report, in Vietnamese. */
export function weeklyDrivesRows(drives: readonly Drive[], history: UnitHistory): Cell[][] {
  return drives.map((d) => [
    `${d.date.slice(8, 10)}/${d.date.slice(5, 7)}/${d.date.slice(0, 4)}`,
    nameOn(history, d.unitId, d.date),
    d.villageId === null ? "" : nameOn(history, d.villageId, d.date),
    d.team,
    STATUS_VI[d.status],
    d.planned,
    d.registrations,
    d.linked,
    d.notes,
  ]);
}

export const WEEKLY_DRIVES_HEADER = [
  "Ngày",
  "Xã, thị trấn",
  "Thôn",
  "Đội",
  "Trạng thái",
  "Kế hoạch",
  "Đăng ký mức 2",
  "Liên kết",
  "Ghi chú",
];

/** drives.xlsx, for people: the plan in Vietnamese, real date cells, widths and a total row. */
export function drivesSheet(
  drives: readonly (Drive & { effect?: DriveEffect | null })[],
  history: UnitHistory,
): SheetSpec {
  const rows: Cell[][] = drives.map((d) => [
    d.date,
    d.startTime,
    d.endTime,
    d.unitId,
    nameOn(history, d.unitId, d.date),
    d.villageId === null ? null : nameOn(history, d.villageId, d.date),
    d.team,
    STATUS_VI[d.status],
    d.planned,
    d.registrations,
    d.linked,
    d.effect?.paceBefore ?? null,
    d.effect?.paceAfter ?? null,
    d.notes,
  ]);
  const sum = (values: (number | null)[]) => values.reduce<number>((total, v) => total + (v ?? 0), 0);
  return {
    name: "Đợt vận động",
    header: [
      "Ngày",
      "Bắt đầu",
      "Kết thúc",
      "Mã xã",
      "Xã, thị trấn",
      "Thôn",
      "Đội",
      "Trạng thái",
      "Kế hoạch",
      "Đăng ký mức 2",
      "Liên kết",
      "Tốc độ trước (người/ngày)",
      "Tốc độ sau (người/ngày)",
      "Ghi chú",
    ],
    rows,
    formats: [
      "date",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "integer",
      "integer",
      "integer",
      "decimal",
      "decimal",
      null,
    ],
    widths: [12, 9, 9, 9, 22, 14, 24, 14, 10, 13, 10, 14, 14, 40],
    total: [
      null,
      null,
      null,
      null,
      "Tổng cộng",
      null,
      null,
      null,
      sum(drives.map((d) => d.planned)),
      sum(drives.map((d) => d.registrations)),
      sum(drives.map((d) => d.linked)),
      null,
      null,
      null,
    ],
  };
}
