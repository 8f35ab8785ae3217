import { addDays, dayNumber, fromDayNumber, VIETNAM_OFFSET_MS } from "./dates.ts";

/**
 * The weekly reporting cycle (docs/figures.md): a reporting week runs Monday–Sunday in Vietnam; a unit's
 * report for a week is one dated within it; it is due by a set time after the week ends (default
 * the following Monday, 12:00). A unit is on time when its first report for the week was recorded
 * by then (a later revision does not make it late), late when after, missing when it has none.
 */

/** When a week's reports are due: `days` after its Sunday, at `time` (HH:MM) in Vietnam. */
export interface DueRule {
  days: number;
  time: string;
}

export const DEFAULT_DUE: DueRule = { days: 1, time: "12:00" };

/** How many weeks the reporting page and `/api/reporting` show when no range is asked for. */
export const REPORTING_WINDOW_WEEKS = 8;

export type ReportingStatus = "on_time" | "late" | "missing";

/** Monday of the week of `date` (1970-01-01 was a Thursday: day numbers are shifted by 3). */
export function weekStart(date: string): string {
  const day = dayNumber(date);
  return fromDayNumber(day - ((day + 3) % 7));
}

/** The ISO 8601 week label, "2024-W14": the year is the one of the week's Thursday. */
export function weekLabel(date: string): string {
  const thursday = addDays(weekStart(date), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** "2024-W07" → 7. */
export const weekOfYear = (label: string) => Number(label.slice(6));

/** "2024-W07" → "7/2024", as sentences name a week. */
export const weekNumberOf = (label: string) => `${weekOfYear(label)}/${label.slice(0, 4)}`;

/** The Monday of an ISO week label; undefined for a label that is not one ("2024-W54", "x"). */
export function weekFromLabel(label: string): string | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!match) return undefined;
  const [, year, week] = match;
  // Week 1 is the week with 4 January in it.
  const start = addDays(weekStart(`${year}-01-04`), 7 * (Number(week) - 1));
  return weekLabel(start) === label ? start : undefined;
}

/** The due time of the week starting `monday`, as an instant with Vietnam's offset: "2024-04-08T12:00:00+07:00". */
export function dueOf(monday: string, rule: DueRule = DEFAULT_DUE): string {
  return `${addDays(monday, 6 + rule.days)}T${rule.time}:00+07:00`;
}

/** A unit's status for a week, from the time its first report for the week was recorded (UTC ISO). */
export function reportingStatus(firstRecordedAt: string | null, due: string): ReportingStatus {
  if (firstRecordedAt === null) return "missing";
  return Date.parse(firstRecordedAt) <= Date.parse(due) ? "on_time" : "late";
}

/** Whether a week's due time has passed at `nowMs`. */
export const isDue = (due: string, nowMs: number) => Date.parse(due) <= nowMs;

/** The Mondays of the weeks from the week of `from` to the week of `to`. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let monday = weekStart(from); monday <= to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/** A moment written in Vietnam's time, for messages: "08/04/2024 12:00". */
export function vietnamTime(instant: string): string {
  const local = new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

export interface WeekUnitStatus {
  unitId: string;
  status: ReportingStatus;
  /** When its first report for the week was recorded (UTC ISO), null when missing. */
  recordedAt: string | null;
}

/**
 * Each unit's status for the week starting `monday`, from the recording times of its reports
 * dated within it (`firstRecorded`: unit → date → first recorded at).
 */
export function weekStatuses(
  monday: string,
  unitIds: readonly string[],
  firstRecorded: ReadonlyMap<string, ReadonlyMap<string, string>>,
  rule: DueRule,
): { due: string; units: WeekUnitStatus[] } {
  const due = dueOf(monday, rule);
  const sunday = addDays(monday, 6);
  const units = unitIds.map((unitId) => {
    let first: string | null = null;
    for (const [date, at] of firstRecorded.get(unitId) ?? []) {
      if (date >= monday && date <= sunday && (first === null || at < first)) first = at;
    }
    return { unitId, status: reportingStatus(first, due), recordedAt: first };
  });
  return { due, units };
}

/** A unit's reporting over several weeks: the weeks it was expected in, reported in, on time. */
export interface UnitRate {
  unitId: string;
  name: string;
  expected: number;
  reported: number;
  onTime: number;
}

/** Each unit's rate over the weeks (in the order the units first appear), for the reporting page's last column. */
export function unitRates(
  weeks: readonly { units: readonly (WeekUnitStatus & { name: string })[] }[],
): UnitRate[] {
  const rates = new Map<string, UnitRate>();
  for (const week of weeks) {
    for (const u of week.units) {
      const rate = rates.get(u.unitId) ?? {
        unitId: u.unitId,
        name: u.name,
        expected: 0,
        reported: 0,
        onTime: 0,
      };
      rate.expected++;
      if (u.status !== "missing") rate.reported++;
      if (u.status === "on_time") rate.onTime++;
      rates.set(u.unitId, rate);
    }
  }
  return [...rates.values()];
}
