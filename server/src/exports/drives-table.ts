import type { Drive, DriveEffect } from "../domain/drives.ts";
import type { UnitTree } from "../domain/tree.ts";
import type { Cell } from "./cells.ts";

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

/** The drive plan as a table: one line per drive, with what followed the finished ones. */
export function drivesRows(
  drives: readonly (Drive & { effect?: DriveEffect | null })[],
  tree: UnitTree,
): Cell[][] {
  const name = (id: string | null) => (id === null ? null : (tree.get(id)?.name ?? id));
  return drives.map((d) => [
    d.id,
    d.unitId,
    name(d.unitId),
    d.villageId,
    name(d.villageId),
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

const STATUS_VI = { planned: "Kế hoạch", done: "Đã thực hiện", cancelled: "Hủy" } as const;

/** The drives of a week for the weekly report, in Vietnamese. */
export function weeklyDrivesRows(drives: readonly Drive[], tree: UnitTree): Cell[][] {
  const name = (id: string | null) => (id === null ? "" : (tree.get(id)?.name ?? id));
  return drives.map((d) => [
    `${d.date.slice(8, 10)}/${d.date.slice(5, 7)}/${d.date.slice(0, 4)}`,
    name(d.unitId),
    name(d.villageId),
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
