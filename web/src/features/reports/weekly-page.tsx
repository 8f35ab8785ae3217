import { useQuery } from "@tanstack/react-query";
import { addDays, format, parseISO } from "date-fns";
import { Link } from "wouter";
import { DriveCard } from "../../components/drive-card.tsx";
import { FlagList } from "../../components/flag-badge.tsx";
import { Headline } from "../../components/headline.tsx";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { campaignQuery, drivesQuery, overviewQuery, unitsQuery } from "../../lib/queries.ts";
import { useSearchParam } from "../../lib/url-state.ts";

/** The week's report as the district sends it upward: one A4 page to sign, or an XLSX to send. */
export function WeeklyPage() {
  const { t, f, fill } = useI18n();
  const [date] = useSearchParam("date");
  const overview = useQuery(overviewQuery(null, date));
  const campaign = useQuery(campaignQuery());
  const asOf = overview.data?.date;
  const weekStart = asOf ? format(addDays(parseISO(asOf), -6), "yyyy-MM-dd") : undefined;
  const drives = useQuery({ ...drivesQuery({ from: weekStart, to: asOf }), enabled: asOf !== undefined });
  const units = useQuery(unitsQuery());
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => overview.refetch()} />;
  if (!overview.data || !campaign.data) return <Skeleton blocks={4} />;
  const data = overview.data;
  const { figures, coverage, linking } = data;
  const byCoverage = [...data.children].sort(
    (a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY),
  );
  const lagging = data.laggingOrder.flatMap((id) => data.children.filter((c) => c.unit.id === id));
  const orDash = (n: number | null) => (n === null ? "—" : f.decimal(n));
  return (
    <article className="page weekly">
      <div className="toolbar no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t.print}
        </button>
        <a href={`/api/exports/weekly.xlsx?date=${data.date}`}>{t.downloadXlsx}</a>
        <a href={`/api/exports/reports.csv?date=${data.date}`}>{t.downloadCsv}</a>
        <Link href={`/?date=${data.date}`}>{t.navOverview}</Link>
      </div>
      <header>
        <h1 className="weekly-title">{t.weeklyHeading}</h1>
        <p className="weekly-subtitle">
          {fill(t.weeklySubheading, { unit: data.unit.name, date: f.date(data.date) })}
        </p>
      </header>
      <section aria-labelledby="weekly-totals">
        <h2 id="weekly-totals">{t.weeklyTotals}</h2>
        <Headline overview={data} campaign={campaign.data} />
        <ul className="weekly-totals">
          <li>
            {t.coverageRate}: <strong>{f.percent(coverage.percent)}</strong> ({f.integer(figures.level2)}/
            {f.integer(figures.population)});{" "}
            {fill(t.expectedShort, { percent: f.percent(coverage.expectedPercent) })};{" "}
            {t.remaining.toLowerCase()} {f.integer(coverage.remaining)} {t.people}.
          </li>
          <li>
            {data.daysLeft > 0
              ? fill(t.weeklyDaysLeft, { days: data.daysLeft, deadline: f.date(campaign.data.deadline) })
              : fill(t.weeklyAfterDeadline, { deadline: f.date(campaign.data.deadline) })}
            . {t.requiredPerDay}: {orDash(coverage.requiredPerDay)};{" "}
            {fill(t.currentPace, { pace: orDash(coverage.pacePerDay) })}.
          </li>
          <li>
            {t.linkRate}: <strong>{f.percent(linking.percent)}</strong> ({f.integer(figures.linked)}/
            {f.integer(figures.dual)});{" "}
            {fill(t.expectedShort, { percent: f.percent(linking.expectedPercent) })}.
          </li>
          <li>
            {fill(t.reportingMissing, {
              reporting: figures.reporting,
              expected: figures.expected,
              missing: figures.expected - figures.reporting,
            })}
          </li>
        </ul>
      </section>
      <section aria-labelledby="weekly-communes">
        <h2 id="weekly-communes">{t.weeklyCommunes}</h2>
        <ScrollRegion label={t.weeklyCommunes}>
          <table className="data-table weekly-table">
            <thead>
              <tr>
                <th scope="col">{t.colRank}</th>
                <th scope="col">{t.colUnit}</th>
                <th scope="col" className="numeric">
                  {t.fields.population}
                </th>
                <th scope="col" className="numeric">
                  {t.fields.level2}
                </th>
                <th scope="col" className="numeric">
                  {t.colRate}
                </th>
                <th scope="col" className="numeric">
                  {t.colChange}
                </th>
                <th scope="col" className="numeric">
                  {t.colExpected}
                </th>
                <th scope="col" className="numeric">
                  {t.colRequired}
                </th>
                <th scope="col" className="numeric">
                  {t.linkRate}
                </th>
                <th scope="col">{t.lagging}</th>
              </tr>
            </thead>
            <tbody>
              {byCoverage.map((child) => (
                <tr key={child.unit.id}>
                  <td className="numeric">{child.rank ?? "—"}</td>
                  <td className="nowrap">{child.unit.name}</td>
                  <td className="numeric">{f.integer(child.figures.population)}</td>
                  <td className="numeric">{f.integer(child.figures.level2)}</td>
                  <td className="numeric">{f.percent(child.coverage.percent)}</td>
                  <td className="numeric">
                    {child.coverage.weekChange ? f.points(child.coverage.weekChange.points) : "—"}
                  </td>
                  <td className="numeric">{f.percent(child.coverage.expectedPercent)}</td>
                  <td className="numeric">{orDash(child.coverage.requiredPerDay)}</td>
                  <td className="numeric">{f.percent(child.linking.percent)}</td>
                  <td>{child.lagging ? t.lagging : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
      <section aria-labelledby="weekly-lagging">
        <h2 id="weekly-lagging">{fill(t.laggingTitle, { count: lagging.length })}</h2>
        {lagging.length === 0 ? (
          <p>{t.laggingNone}</p>
        ) : (
          lagging.map((child) => (
            <div key={child.unit.id} className="weekly-lagging">
              <h3>{child.unit.name}</h3>
              <FlagList
                flags={child.flags.filter((flag) => flag.metric === "coverage" || flag.metric === null)}
              />
            </div>
          ))
        )}
      </section>
      <section aria-labelledby="weekly-drives">
        <h2 id="weekly-drives">{t.weeklyDrives}</h2>
        {drives.data && units.data && drives.data.drives.length > 0 ? (
          <ul className="drive-list">
            {drives.data.drives.map((drive) => (
              <li key={drive.id}>
                <DriveCard drive={drive} units={new Map(units.data.units.map((u) => [u.id, u]))} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.noDrives}</p>
        )}
      </section>
    </article>
  );
}
