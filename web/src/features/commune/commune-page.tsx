import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { DateNav } from "../../components/date-nav.tsx";
import { DriveCard } from "../../components/drive-card.tsx";
import { FlagList } from "../../components/flag-badge.tsx";
import { KpiCard } from "../../components/kpi-card.tsx";
import { TrendChart } from "../../components/lazy-parts.tsx";
import { StaleNotice } from "../../components/stale-notice.tsx";
import { EmptyState, ErrorState, Skeleton } from "../../components/states.tsx";
import { UnitChangeNote } from "../../components/unit-change-note.tsx";
import { WeekStatus } from "../../components/week-status.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { useKeptPaint } from "../../lib/kept-paint.ts";
import { campaignQuery, drivesQuery, overviewQuery, seriesQuery, unitsQuery } from "../../lib/queries.ts";
import { useSession } from "../../lib/session.ts";
import { useSearchParam } from "../../lib/url-state.ts";
import { QueueList } from "../reports/queue-list.tsx";
import { ReportHistory } from "./report-history.tsx";

/** One commune, phone first: where it stands, what it needs per day, why it is flagged, how it got here. */
export function CommunePage({ unitId }: { unitId: string }) {
  const { t, f, fill } = useI18n();
  const [dateParam, setDate] = useSearchParam("date");
  const [campaignParam] = useSearchParam("campaign");
  const user = useSession().data ?? null;
  const overview = useQuery({
    ...overviewQuery(unitId, dateParam, campaignParam),
    placeholderData: keepPreviousData,
  });
  const parentId = overview.data?.unit.parentId ?? null;
  const parent = useQuery({
    ...overviewQuery(parentId, overview.data?.date ?? null, campaignParam),
    enabled: parentId !== null,
  });
  // The series of the version shown on the date (21808 is Phú Phong in 2024, Tây Sơn from 01/07/2025).
  const series = useQuery({
    ...seriesQuery(unitId, overview.data?.date ?? null, campaignParam),
    enabled: overview.data !== undefined,
  });
  const campaign = useQuery(campaignQuery(campaignParam));
  const drives = useQuery(drivesQuery({ unit: unitId }));
  const units = useQuery(unitsQuery());
  useKeptPaint(
    overview.data !== undefined && campaign.data !== undefined,
    overview.isFetching,
    overview.isError,
    overview.dataUpdatedAt,
  );

  // Figures kept on the device are shown when the server cannot be reached (StaleNotice says so).
  if (overview.isError && !overview.data)
    return <ErrorState error={overview.error} onRetry={() => overview.refetch()} />;
  if (campaign.isError && !campaign.data)
    return <ErrorState error={campaign.error} onRetry={() => campaign.refetch()} />;
  if (!overview.data || !campaign.data) return <Skeleton blocks={4} />;

  const data = overview.data;
  const { coverage, linking, figures } = data;
  const entry = parent.data?.children.find((child) => child.unit.id === unitId);
  // Ranked among every commune expected: one without figures counts below all those with them.
  const ranked = parent.data?.children.length ?? 0;
  const gap = coverage.gapToExpected;

  return (
    <div className="page commune-page" aria-busy={overview.isFetching}>
      {parent.data && (
        <Link href={`/?date=${data.date}`} className="back-link">
          {fill(t.commune.backTo, { unit: parent.data.unit.name })}
        </Link>
      )}
      <h1 className="page-title">{data.unit.name}</h1>
      <StaleNotice
        updatedAt={overview.dataUpdatedAt}
        fetching={overview.isFetching}
        failed={overview.isError}
      />
      {user && <QueueList unitId={unitId} userId={user.id} />}
      <UnitChangeNote unit={data.unit} standing={data.standing} date={data.date} />
      <WeekStatus approval={data.approval} approvals={data.approvals} date={data.date} />
      {entry?.rank && parent.data && (
        <p className="rank">
          {fill(t.commune.rankOf, { rank: entry.rank, of: ranked, parent: parent.data.unit.name })}
        </p>
      )}
      <div className="toolbar">
        <span className="as-of">{t.common.asOf}</span>
        <DateNav date={data.date} onChange={setDate} />
      </div>
      {figures.reporting === 0 ? (
        <EmptyState text={fill(t.commune.emptyReports, { unit: data.unit.name, date: f.date(data.date) })} />
      ) : (
        <>
          <section
            className={`big-figure${data.lagging ? " is-lagging" : ""}`}
            aria-label={t.common.coverageRate}
          >
            <div className="big-label">{t.common.coverageRate}</div>
            <div className="big-value">{f.percent(coverage.percent)}</div>
            <div>
              {f.integer(figures.level2)} / {f.integer(figures.population)} ·{" "}
              {fill(t.common.expectedShort, { percent: f.percent(coverage.expectedPercent) })}
            </div>
            <p>
              {fill(t.commune.communeRemaining, {
                remaining: f.integer(coverage.remaining),
                required: coverage.requiredPerDay === null ? "—" : f.perDay(coverage.requiredPerDay),
              })}
            </p>
            {gap !== null && (
              <p>
                {gap > 0
                  ? coverage.shortfallPerDay === null
                    ? fill(t.commune.communeGapBehindNoPace, { gap: f.integer(gap) })
                    : fill(t.commune.communeGapBehind, {
                        gap: f.integer(gap),
                        shortfall: f.perDay(coverage.shortfallPerDay),
                      })
                  : fill(t.commune.communeGapAhead, { gap: f.integer(-gap) })}
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="commune-flags">
            <h2 id="commune-flags">{t.common.flagsTitle}</h2>
            <FlagList flags={data.flags} emptyText={t.commune.noFlags} />
          </section>
          <section className="kpi-row" aria-label={t.common.metricLinking}>
            <KpiCard
              label={t.common.linkRate}
              value={f.percent(linking.percent)}
              detail={fill(t.common.expectedShort, { percent: f.percent(linking.expectedPercent) })}
            />
            <KpiCard
              label={t.common.linkedAccounts}
              value={`${f.integer(figures.linked)} / ${f.integer(figures.dual)}`}
            />
            <KpiCard
              label={t.common.remaining}
              value={`${f.integer(linking.remaining)} ${t.common.people}`}
            />
          </section>
          {series.data ? (
            <TrendChart
              title={fill(t.common.trendTitle, { unit: data.unit.name })}
              unitName={data.unit.name}
              metric="coverage"
              points={series.data.points}
              asOf={data.date}
              status={coverage}
              campaign={campaign.data}
              markers={(drives.data?.drives ?? [])
                .filter((d) => d.status === "done")
                .map((d) => ({ date: d.date, label: d.team }))}
            />
          ) : (
            <Skeleton blocks={1} />
          )}
          {drives.data && units.data && drives.data.drives.length > 0 && (
            <section className="card" aria-labelledby="commune-drives">
              <h2 id="commune-drives">{t.commune.drivesHere}</h2>
              <ul className="drive-list">
                {drives.data.drives
                  // As of the date shown: the drives up to it; the planned ones ahead only on the latest figures.
                  .filter((d) => d.date <= data.date || (dateParam === null && d.status === "planned"))
                  .reverse()
                  .map((drive) => (
                    <li key={drive.id}>
                      <DriveCard drive={drive} units={new Map(units.data.units.map((u) => [u.id, u]))} />
                    </li>
                  ))}
              </ul>
            </section>
          )}
          {series.data && (
            <ReportHistory points={series.data.points.filter((p) => p.date <= data.date)} unit={data.unit} />
          )}
        </>
      )}
    </div>
  );
}
