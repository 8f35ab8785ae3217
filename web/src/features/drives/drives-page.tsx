import { useQuery } from "@tanstack/react-query";
import { addDays } from "@vneid-tracker/server/domain/dates.ts";
import { can } from "@vneid-tracker/server/domain/roles.ts";
import { addMonths, addWeeks, format, parseISO } from "date-fns";
import { useEffect, useState } from "react";
import { Link } from "wouter";
import { DateInput } from "../../components/date-input.tsx";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import { WhereNext } from "../../components/where-next.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { type Drive, drivesQuery, suggestionsQuery, unitsQuery } from "../../lib/queries.ts";
import { useSession } from "../../lib/session.ts";
import { vietnamToday } from "../../lib/today.ts";
import { useSearchParam } from "../../lib/url-state.ts";
import { type CalendarView, calendarDays, DriveCalendar } from "./drive-calendar.tsx";
import { DriveForm } from "./drive-form.tsx";
import { DriveList } from "./drive-list.tsx";

/** Where next, the calendar and the list of drives, and the form to plan one. */
export function DrivesPage() {
  const { t, fill } = useI18n();
  const user = useSession().data ?? null;
  const [dateParam, setDate] = useSearchParam("date");
  const [viewParam, setView] = useSearchParam("view");
  const [plan] = useSearchParam("plan");
  const view: CalendarView = viewParam === "week" ? "week" : "month";
  const suggestions = useQuery(suggestionsQuery(null));
  const date = dateParam ?? suggestions.data?.date ?? null;
  const days = date ? calendarDays(date, view) : [];
  const drives = useQuery({ ...drivesQuery({ from: days[0], to: days.at(-1) }), enabled: days.length > 0 });
  const units = useQuery(unitsQuery());
  const [editing, setEditing] = useState<Drive | null>(null);
  const today = vietnamToday();
  // Planned drives whose day has passed: their results are still to be recorded.
  const overdue = useQuery(drivesQuery({ status: "planned", to: addDays(today, -1) }));
  // "Plan here" from a suggestion: the form comes into view with the commune chosen, ready to type.
  useEffect(() => {
    if (!plan || !units.data) return;
    const form = document.getElementById("drive-form");
    form?.scrollIntoView({ block: "start" });
    (document.getElementById("drive-unit") as HTMLSelectElement | null)?.focus({ preventScroll: true });
  }, [plan, units.data]);

  if (suggestions.isError)
    return <ErrorState error={suggestions.error} onRetry={() => suggestions.refetch()} />;
  if (!date || !units.data || !suggestions.data) return <Skeleton blocks={3} />;
  const byId = new Map(units.data.units.map((u) => [u.id, u]));
  const canPlan = can(user, "planDrives");
  const shift = (step: number) =>
    setDate(
      format(
        view === "week" ? addWeeks(parseISO(date), step) : addMonths(parseISO(date), step),
        "yyyy-MM-dd",
      ),
    );

  return (
    <div className="page">
      <h1 className="page-title">{t.drives.drivesTitle}</h1>
      <p className="muted">{t.drives.drivesIntro}</p>
      <p className="no-print">
        {t.drives.exportPlan}: <a href="/api/exports/drives.csv">CSV</a> ·{" "}
        <a href="/api/exports/drives.xlsx">XLSX</a> ·{" "}
        <Link href={`/drives/schedule?from=${date}`}>{t.drives.schedule}</Link>
      </p>
      {overdue.data && overdue.data.drives.length > 0 && (
        <section className="card notice-card" aria-labelledby="overdue-title">
          <h2 id="overdue-title">{fill(t.drives.overdueDrives, { count: overdue.data.drives.length })}</h2>
          <DriveList
            drives={overdue.data.drives}
            units={byId}
            user={user}
            onEdit={(drive) => {
              setEditing(drive);
              document.getElementById("drive-form")?.scrollIntoView();
            }}
          />
        </section>
      )}
      <div className="two-columns">
        <WhereNext
          suggestions={suggestions.data.suggestions}
          limit={8}
          planHref={canPlan ? (id) => `/drives?plan=${id}#drive-form` : undefined}
        />
        {canPlan && user && (
          <DriveForm
            key={`${editing?.id ?? "new"}-${plan ?? ""}`}
            user={user}
            units={units.data.units}
            editing={editing}
            presetUnit={plan ?? suggestions.data.suggestions[0]?.unit.id ?? null}
            date={date}
            onDone={() => setEditing(null)}
          />
        )}
      </div>
      <section className="card" aria-labelledby="calendar-title">
        <div className="calendar-head">
          <h2 id="calendar-title">{t.drives.calendar}</h2>
          <div className="toolbar">
            <button type="button" onClick={() => shift(-1)}>
              ◀ {t.drives.previousPeriod}
            </button>
            <DateInput value={date} onChange={setDate} label={t.common.chooseDate} />
            <button type="button" onClick={() => shift(1)}>
              {t.drives.nextPeriod} ▶
            </button>
            <fieldset className="metric-switch">
              <legend className="visually-hidden">{t.drives.calendar}</legend>
              <button type="button" aria-pressed={view === "week"} onClick={() => setView("week")}>
                {t.drives.weekView}
              </button>
              <button type="button" aria-pressed={view === "month"} onClick={() => setView(null)}>
                {t.drives.monthView}
              </button>
            </fieldset>
          </div>
        </div>
        <ScrollRegion label={t.drives.calendar}>
          <DriveCalendar
            days={days}
            month={view === "month" ? date.slice(0, 7) : null}
            drives={drives.data?.drives ?? []}
            units={byId}
          />
        </ScrollRegion>
      </section>
      <section className="card" aria-labelledby="drive-list-title">
        <h2 id="drive-list-title">{t.drives.listTitle}</h2>
        {drives.data ? (
          <DriveList
            drives={drives.data.drives}
            units={byId}
            user={user}
            onEdit={(drive) => {
              setEditing(drive);
              document.getElementById("drive-form")?.scrollIntoView();
            }}
          />
        ) : (
          <Skeleton blocks={1} />
        )}
      </section>
    </div>
  );
}
