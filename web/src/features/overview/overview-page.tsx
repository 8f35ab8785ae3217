import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { can } from "@vneid-tracker/server/domain/roles.ts";
import { levelOfChildren } from "@vneid-tracker/server/domain/tree.ts";
import type { Metric } from "@vneid-tracker/server/domain/types.ts";
import { filterUnits, UNIT_FILTERS, type UnitFilter } from "@vneid-tracker/server/domain/unit-filter.ts";
import { startTransition, useEffect, useState } from "react";
import { Link } from "wouter";
import { CampaignPicker } from "../../components/campaign-picker.tsx";
import { DateNav } from "../../components/date-nav.tsx";
import { FilterBar } from "../../components/filter-bar.tsx";
import { FlagList } from "../../components/flag-badge.tsx";
import { Headline } from "../../components/headline.tsx";
import { CommuneMap, TrendChart } from "../../components/lazy-parts.tsx";
import { RankingBars } from "../../components/ranking-bars.tsx";
import { MANY_UNITS } from "../../components/short-list.tsx";
import { StaleNotice } from "../../components/stale-notice.tsx";
import { ErrorState, Skeleton } from "../../components/states.tsx";
import { UnitChangeNote } from "../../components/unit-change-note.tsx";
import { WeekStatus } from "../../components/week-status.tsx";
import { WhereNext } from "../../components/where-next.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { useKeptPaint } from "../../lib/kept-paint.ts";
import {
  campaignQuery,
  overviewQuery,
  reportingQuery,
  seriesQuery,
  suggestionsQuery,
} from "../../lib/queries.ts";
import { useSession } from "../../lib/session.ts";
import { useSearchParam } from "../../lib/url-state.ts";
import { CommunesTable } from "./communes-table.tsx";
import { KpiRow } from "./kpi-row.tsx";
import { LaggingPanel } from "./lagging-panel.tsx";

/** The district at a glance: the answer first (headline, KPIs), the evidence below (trend, lagging, ranking, table). */
export function OverviewPage() {
  const { t, fill } = useI18n();
  const [dateParam, setDate] = useSearchParam("date");
  const [metricParam, setMetric] = useSearchParam("metric");
  const [campaignParam, setCampaign] = useSearchParam("campaign");
  const metric: Metric = metricParam === "linking" ? "linking" : "coverage";
  const overview = useQuery({
    ...overviewQuery(null, dateParam, campaignParam),
    placeholderData: keepPreviousData,
  });
  const campaign = useQuery(campaignQuery(campaignParam));
  const unit = overview.data?.unit;
  // The series of the version shown: a unit not yet formed on the date is asked for as it began.
  const seriesDate =
    overview.data?.standing === "future" ? (unit?.validFrom ?? null) : (overview.data?.date ?? null);
  const series = useQuery({
    ...seriesQuery(unit?.id ?? "", seriesDate, campaignParam),
    enabled: unit !== undefined,
  });
  const suggestions = useQuery({
    ...suggestionsQuery(overview.data?.date ?? null, metric),
    enabled: overview.data !== undefined,
  });
  const canPlan = can(useSession().data ?? null, "planDrives");
  const [query, setQuery] = useState("");
  const [filter, setFilter] = useState<UnitFilter>("all");
  // The answer and the figures paint first; the chart, panels, map and tables right after (on a
  // slow phone one commit of the whole page held the first paint back by a few hundred ms).
  const [below, setBelow] = useState(false);
  const ready = overview.data !== undefined && campaign.data !== undefined;
  useEffect(() => {
    if (!ready || below) return;
    const frame = requestAnimationFrame(() => startTransition(() => setBelow(true)));
    return () => cancelAnimationFrame(frame);
  }, [ready, below]);
  useKeptPaint(ready, overview.isFetching, overview.isError, overview.dataUpdatedAt);
  const reporting = useQuery({
    ...reportingQuery({ from: overview.data?.date ?? null, to: overview.data?.date ?? null }),
    enabled: overview.data !== undefined,
  });

  // Figures kept on the device are shown when the server cannot be reached (StaleNotice says so).
  if (overview.isError && !overview.data)
    return <ErrorState error={overview.error} onRetry={() => overview.refetch()} />;
  if (campaign.isError && !campaign.data)
    return <ErrorState error={campaign.error} onRetry={() => campaign.refetch()} />;
  if (!overview.data || !campaign.data) {
    return (
      <>
        <h1 className="page-title">{t.common.appTitle}</h1>
        <Skeleton blocks={4} />
      </>
    );
  }
  const data = overview.data;
  const status = data[metric];
  const campaignQueryPart = campaignParam ? `&campaign=${campaignParam}` : "";
  const linkToUnit = (id: string) => `/units/${id}?date=${data.date}${campaignQueryPart}`;
  const kept = filterUnits(data.children, { query, filter, metric, date: data.date });

  return (
    <div className="page overview-page" aria-busy={overview.isFetching}>
      <div className="page-head">
        <h1 className="page-title">
          {t.common.appTitle} · {data.unit.name}
        </h1>
        <div className="toolbar">
          <span className="as-of">{t.common.asOf}</span>
          <DateNav date={data.date} onChange={setDate} />
          <CampaignPicker value={data.campaignId} onChange={setCampaign} />
          <button type="button" className="print-button" onClick={() => window.print()}>
            {t.common.print}
          </button>
          <span className="downloads no-print">
            {t.overview.downloads}:{" "}
            <a href={`/api/exports/reports.csv?date=${data.date}${campaignQueryPart}`}>CSV</a> ·{" "}
            <a href={`/api/exports/reports.xlsx?date=${data.date}${campaignQueryPart}`}>XLSX</a> ·{" "}
            <Link href={`/reports/weekly?date=${data.date}`}>{t.common.navWeekly}</Link>
          </span>
        </div>
      </div>
      <StaleNotice
        updatedAt={overview.dataUpdatedAt}
        fetching={overview.isFetching}
        failed={overview.isError}
      />
      <UnitChangeNote unit={data.unit} standing={data.standing} date={data.date} />
      <WeekStatus
        approval={data.approval}
        approvals={data.approvals}
        week={reporting.data?.weeks[0]}
        date={data.date}
      />
      <Headline overview={data} campaign={campaign.data} />
      <KpiRow overview={data} metric="coverage" deadline={campaign.data.deadline} />
      <KpiRow overview={data} metric="linking" deadline={campaign.data.deadline} />
      {data.flags.length > 0 && (
        // A province's flags name many communes: their sentences open on demand, and stay off paper.
        <section className={data.children.length > MANY_UNITS ? "card no-print" : "card"}>
          <h2>{t.common.flagsTitle}</h2>
          {data.children.length > MANY_UNITS ? (
            <details className="row-flags">
              <summary>{fill(t.common.flagsCount, { count: data.flags.length })}</summary>
              <FlagList flags={data.flags} />
            </details>
          ) : (
            <FlagList flags={data.flags} />
          )}
        </section>
      )}
      <fieldset className="metric-switch">
        <legend className="visually-hidden">{t.overview.metricChoice}</legend>
        {(["coverage", "linking"] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={metric === m}
            onClick={() => setMetric(m === "coverage" ? null : m)}
          >
            {m === "coverage" ? t.common.metricCoverage : t.common.metricLinking}
          </button>
        ))}
      </fieldset>
      {below && (
        <div className="page-below">
          <div className="two-columns">
            {series.data ? (
              <TrendChart
                title={fill(t.common.trendTitle, { unit: data.unit.name })}
                unitName={data.unit.name}
                metric={metric}
                points={series.data.points}
                asOf={data.date}
                status={status}
                campaign={campaign.data}
              />
            ) : series.isError ? (
              <ErrorState error={series.error} onRetry={() => series.refetch()} />
            ) : (
              <Skeleton blocks={1} />
            )}
            <LaggingPanel overview={data} metric={metric} linkToUnit={linkToUnit} />
          </div>
          <div className="two-columns">
            <CommuneMap
              title={fill(t.map.title, { level: levelOfChildren(data.children) })}
              unitId={data.unit.id}
              date={data.date}
              points={data.children.flatMap((child) =>
                child.centre
                  ? [
                      {
                        id: child.unit.id,
                        validFrom: child.unit.validFrom ?? null,
                        name: child.unit.name,
                        centre: child.centre,
                        population: child.figures.population,
                        percent: child[metric].percent,
                      },
                    ]
                  : [],
              )}
            />
            {suggestions.data && (
              <WhereNext
                suggestions={suggestions.data.suggestions}
                limit={5}
                planHref={canPlan ? (id) => `/drives?plan=${id}#drive-form` : undefined}
              />
            )}
          </div>
          <FilterBar
            query={query}
            onQuery={setQuery}
            filterLabel={t.common.filterLabel}
            value={filter}
            onValue={setFilter}
            options={UNIT_FILTERS.map((f) => ({ value: f, label: t.unitFilters[f] }))}
            status={fill(t.common.unitsMatched, { matched: kept.length, total: data.children.length })}
          />
          <RankingBars
            title={fill(t.overview.rankingTitle, {
              metric: t.metricRateWord[metric],
              level: levelOfChildren(data.children),
            })}
            rows={kept.map((child) => ({
              id: child.unit.id,
              name: child.unit.name,
              href: linkToUnit(child.unit.id),
              percent: child[metric].percent,
              expectedPercent: child[metric].expectedPercent,
              lagging: child[metric].lagging,
            }))}
          />
          <CommunesTable
            rows={kept}
            level={levelOfChildren(data.children)}
            metric={metric}
            linkToUnit={linkToUnit}
          />
        </div>
      )}
    </div>
  );
}
