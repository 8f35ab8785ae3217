import { useQuery } from "@tanstack/react-query";
import { addDays, format, parseISO } from "date-fns";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { drivesQuery, unitsQuery } from "../../lib/queries.ts";
import { vietnamToday } from "../../lib/today.ts";
import { useSearchParam } from "../../lib/url-state.ts";

/** The coming week's drives, day by day, for the teams to print and carry. */
export function SchedulePage() {
  const { t, f, fill } = useI18n();
  const [fromParam] = useSearchParam("from");
  const from = fromParam ?? vietnamToday();
  const days = Array.from({ length: 7 }, (_, i) => format(addDays(parseISO(from), i), "yyyy-MM-dd"));
  const drives = useQuery(drivesQuery({ from, to: days[6] }));
  const units = useQuery(unitsQuery());
  if (drives.isError && !drives.data)
    return <ErrorState error={drives.error} onRetry={() => drives.refetch()} />;
  if (!drives.data || !units.data) return <Skeleton blocks={2} />;
  const name = new Map(units.data.units.map((u) => [u.id, u.name]));
  const planned = drives.data.drives.filter((d) => d.status !== "cancelled");
  return (
    <article className="page weekly">
      <div className="toolbar no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t.common.print}
        </button>
      </div>
      <h1 className="weekly-title">
        {fill(t.drives.scheduleTitle, { from: f.date(days[0] as string), to: f.date(days[6] as string) })}
      </h1>
      {days.map((day) => {
        const today = planned.filter((d) => d.date === day);
        return (
          <section key={day} aria-label={f.longDate(day)}>
            <h2>{f.longDate(day)}</h2>
            {today.length === 0 ? (
              <p className="muted">—</p>
            ) : (
              <ScrollRegion label={f.longDate(day)}>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.common.startTime}</th>
                      <th scope="col">{t.common.commune}</th>
                      <th scope="col">{t.drives.village}</th>
                      <th scope="col">{t.common.team}</th>
                      <th scope="col" className="numeric">
                        {t.common.plannedRegistrations}
                      </th>
                      <th scope="col">{t.common.notes}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {today.map((d) => (
                      <tr key={d.id}>
                        <td>{[d.startTime, d.endTime].filter(Boolean).join("–")}</td>
                        <td>{d.unitName ?? name.get(d.unitId)}</td>
                        <td>{d.villageId ? (d.villageName ?? name.get(d.villageId)) : ""}</td>
                        <td>{d.team}</td>
                        <td className="numeric">{f.integer(d.planned)}</td>
                        <td>{d.notes}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </section>
        );
      })}
    </article>
  );
}
