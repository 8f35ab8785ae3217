import { vietnamTime } from "../domain/reporting-weeks.ts";
import { vi } from "../messages/vi.ts";
import { type Column, csvOf, type SheetSpec, sheetOf } from "./cells.ts";

interface Week {
  week: string;
  start: string;
  due: string;
  approval: { by: string; at: string } | null;
  units: readonly {
    unitId: string;
    name: string;
    status: "on_time" | "late" | "missing";
    recordedAt: string | null;
  }[];
}
type Line = { week: Week; unit: Week["units"][number] };

const c = vi.exportColumns;
const dayMonthYear = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** One line per week and commune: who reported, on time or late, and the week's approval. */
const COLUMNS: Column<Line>[] = [
  { key: "week", label: c.week, width: 10, value: (l) => l.week.week },
  {
    key: "week_start",
    label: c.weekStart,
    width: 12,
    value: (l) => l.week.start,
    shown: (l) => dayMonthYear(l.week.start),
  },
  { key: "due", label: c.due, width: 18, value: (l) => l.week.due, shown: (l) => vietnamTime(l.week.due) },
  { key: "unit_code", label: c.unitCode, width: 10, value: (l) => l.unit.unitId },
  { key: "unit_name", label: c.unitName, width: 24, value: (l) => l.unit.name },
  {
    key: "status",
    label: c.reportStatus,
    width: 16,
    value: (l) => l.unit.status,
    shown: (l) => vi.reporting.status[l.unit.status],
  },
  {
    key: "recorded_at",
    label: c.recordedAt,
    width: 18,
    value: (l) => l.unit.recordedAt,
    shown: (l) => (l.unit.recordedAt ? vietnamTime(l.unit.recordedAt) : null),
  },
  {
    key: "approved_by",
    label: c.approval,
    width: 28,
    value: (l) => l.week.approval?.by ?? null,
    shown: (l) =>
      l.week.approval
        ? `${l.week.approval.by} (${vietnamTime(l.week.approval.at)})`
        : vi.reporting.provisional,
  },
];

const linesOf = (weeks: readonly Week[]) =>
  weeks.flatMap((week) => week.units.map((unit) => ({ week, unit })));

/** reporting.csv: the machine's columns (ISO times, status codes). */
export const reportingCsv = (weeks: readonly Week[]) => csvOf(COLUMNS, linesOf(weeks));

/** reporting.xlsx: the same in Vietnamese, times in Vietnam's. */
export const reportingSheet = (weeks: readonly Week[]): SheetSpec =>
  sheetOf(c.reporting, COLUMNS, linesOf(weeks));
