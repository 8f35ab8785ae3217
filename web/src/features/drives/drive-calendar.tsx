import { shortName } from "@vneid-tracker/server/domain/unit-names.ts";
import { addDays, endOfMonth, endOfWeek, format, parseISO, startOfMonth, startOfWeek } from "date-fns";
import { Icon, type IconName } from "../../components/icon.tsx";
import type { Unit } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";
import type { Drive } from "../../lib/queries.ts";

export type CalendarView = "week" | "month";

const iso = (date: Date) => format(date, "yyyy-MM-dd");

/** The days a calendar view shows around `date`: whole weeks, Monday first. */
export function calendarDays(date: string, view: CalendarView): string[] {
  const day = parseISO(date);
  const from = startOfWeek(view === "week" ? day : startOfMonth(day), { weekStartsOn: 1 });
  const to = endOfWeek(view === "week" ? day : endOfMonth(day), { weekStartsOn: 1 });
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(iso(d));
  return days;
}

/** Drives on a week or month grid; the list below carries the details and actions. */
/** A Monday-to-Sunday week, for the names of the days in the reader's language. */
const WEEK = [
  "2024-01-01",
  "2024-01-02",
  "2024-01-03",
  "2024-01-04",
  "2024-01-05",
  "2024-01-06",
  "2024-01-07",
];

/** Each status as an icon beside its word (never colour alone). */
const STATUS_ICONS: Record<Drive["status"], IconName> = {
  planned: "clock",
  done: "check",
  cancelled: "cross",
};

export function DriveCalendar({
  days,
  month,
  drives,
  units,
}: {
  days: readonly string[];
  /** The month shown (YYYY-MM), to grey out days of the weeks around it; null for a week. */
  month: string | null;
  drives: readonly Drive[];
  units: ReadonlyMap<string, Unit>;
}) {
  const { t, f } = useI18n();
  return (
    <table className="calendar">
      <thead>
        <tr>
          {WEEK.map((day) => f.weekday(day)).map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: days.length / 7 }, (_, week) => (
          <tr key={days[week * 7]}>
            {days.slice(week * 7, week * 7 + 7).map((day) => (
              <td key={day} className={month && !day.startsWith(month) ? "other-month" : undefined}>
                <div className="calendar-day">{f.shortDate(day)}</div>
                {drives
                  .filter((d) => d.date === day)
                  .map((d) => (
                    <div key={d.id} className={`calendar-drive status-${d.status}`}>
                      {d.startTime && <span>{d.startTime} </span>}
                      {shortName(units.get(d.unitId)?.name ?? d.unitId)}
                      <span className="calendar-status">
                        <Icon name={STATUS_ICONS[d.status]} /> {t.statusNames[d.status]}
                      </span>
                    </div>
                  ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
