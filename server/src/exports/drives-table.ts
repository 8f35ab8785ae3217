import type { Drive, DriveEffect } from "../domain/drives.ts";
import type { UnitHistory } from "../domain/unit-history.ts";
import { vi } from "../messages/vi.ts";
import { type Column, csvOf, type SheetSpec, sheetOf } from "./cells.ts";

type Line = Drive & { effect?: DriveEffect | null };

/** A drive's place by the name it had on the drive's date (a drive keeps the unit version it was held in). */
const nameOn = (history: UnitHistory, id: string, date: string) => history.resolve(id, date)?.unit.name ?? id;

const c = vi.exportColumns;
const sum = (lines: readonly Line[], key: "planned" | "registrations" | "linked") =>
  lines.reduce<number>((total, d) => total + (d[key] ?? 0), 0);
const dayMonthYear = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * The drive plan as a table, one line per drive with what followed the finished ones: the CSV's
 * machine columns and the workbook's in Vietnamese (statuses in the catalogue's words), in the CSV's
 * order (programs read it by position).
 */
function drivesColumns(history: UnitHistory): Column<Line>[] {
  const village = (d: Line) => (d.villageId === null ? null : nameOn(history, d.villageId, d.date));
  return [
    { key: "id", value: (d) => d.id },
    { key: "unit_code", label: c.unitCode, width: 9, value: (d) => d.unitId },
    {
      key: "unit_name",
      label: c.commune,
      width: 22,
      value: (d) => nameOn(history, d.unitId, d.date),
      total: () => c.total,
    },
    { key: "village_code", value: (d) => d.villageId },
    { key: "village_name", label: c.village, width: 14, value: village },
    { key: "date", label: c.driveDate, width: 12, format: "date", value: (d) => d.date },
    { key: "start_time", label: c.start, width: 9, value: (d) => d.startTime },
    { key: "end_time", label: c.end, width: 9, value: (d) => d.endTime },
    { key: "team", label: c.team, width: 24, value: (d) => d.team },
    {
      key: "planned",
      label: c.planned,
      width: 10,
      format: "integer",
      value: (d) => d.planned,
      total: (lines) => sum(lines, "planned"),
    },
    {
      key: "status",
      label: c.driveStatus,
      width: 14,
      value: (d) => d.status,
      shown: (d) => vi.statusNames[d.status],
    },
    {
      key: "registrations",
      label: c.registrations,
      width: 13,
      format: "integer",
      value: (d) => d.registrations,
      total: (lines) => sum(lines, "registrations"),
    },
    {
      key: "linked",
      label: c.linkedOnSite,
      width: 10,
      format: "integer",
      value: (d) => d.linked,
      total: (lines) => sum(lines, "linked"),
    },
    { key: "notes", label: c.notes, width: 40, value: (d) => d.notes },
    {
      key: "pace_before_per_day",
      label: c.paceBefore,
      width: 14,
      format: "decimal",
      value: (d) => d.effect?.paceBefore ?? null,
    },
    {
      key: "pace_after_per_day",
      label: c.paceAfter,
      width: 14,
      format: "decimal",
      value: (d) => d.effect?.paceAfter ?? null,
    },
  ];
}

/** drives.csv. */
export const drivesCsv = (drives: readonly Line[], history: UnitHistory) =>
  csvOf(drivesColumns(history), drives);

/** drives.xlsx, for people: the plan in Vietnamese, real date cells, widths and a total row. */
export const drivesSheet = (drives: readonly Line[], history: UnitHistory): SheetSpec =>
  sheetOf(c.drives, drivesColumns(history), drives);

/** The drives of a week for the weekly report, in Vietnamese. */
export function weeklyDrivesSheet(drives: readonly Drive[], history: UnitHistory): SheetSpec {
  const columns: Column<Drive>[] = [
    { label: c.driveDate, width: 12, value: (d) => dayMonthYear(d.date) },
    { label: c.commune, width: 22, value: (d) => nameOn(history, d.unitId, d.date) },
    {
      label: c.village,
      width: 14,
      value: (d) => (d.villageId === null ? "" : nameOn(history, d.villageId, d.date)),
    },
    { label: c.team, width: 24, value: (d) => d.team },
    { label: c.driveStatus, width: 14, value: (d) => vi.statusNames[d.status] },
    { label: c.planned, width: 10, format: "integer", value: (d) => d.planned },
    { label: c.registrations, width: 13, format: "integer", value: (d) => d.registrations },
    { label: c.linkedOnSite, width: 10, format: "integer", value: (d) => d.linked },
    { label: c.notes, width: 40, value: (d) => d.notes },
  ];
  return sheetOf(c.weekDrives, columns, drives);
}
