import type { Metric } from "@vneid-tracker/server/domain/types.ts";
import { KpiCard } from "../../components/kpi-card.tsx";
import type { MetricStatus, UnitOverview } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";

/** The figures of one metric as cards: rate, counts, what remains, days, pace, communes on track, projection, ETA. */
export function KpiRow({
  overview,
  metric,
  deadline,
}: {
  overview: UnitOverview;
  metric: Metric;
  deadline: string;
}) {
  const { t, f, fill } = useI18n();
  const status = overview[metric];
  const { figures } = overview;
  const known = figures.reporting > 0;
  const offPace = status.units.offTrack > 0;
  const behind = overview.flags.some((flag) => flag.code === "BEHIND" && flag.metric === metric);
  const { done, onTrack, offTrack, notJudged } = status.units;
  const unknown = t.overview.figuresUnknown;
  return (
    <section className="kpi-row" aria-labelledby={`kpi-${metric}`}>
      <h2 id={`kpi-${metric}`}>{metric === "coverage" ? t.common.metricCoverage : t.common.metricLinking}</h2>
      <KpiCard
        label={metric === "coverage" ? t.common.coverageRate : t.common.linkRate}
        value={known ? f.percent(status.percent) : unknown}
        detail={
          known ? fill(t.common.expectedShort, { percent: f.percent(status.expectedPercent) }) : undefined
        }
        tone={behind ? "bad" : undefined}
      />
      <KpiCard
        label={metric === "coverage" ? t.overview.level2Accounts : t.common.linkedAccounts}
        value={known ? `${f.integer(status.count)} / ${f.integer(status.base)}` : unknown}
      />
      <KpiCard
        label={t.common.remaining}
        value={known ? `${f.integer(status.remaining)} ${t.common.people}` : unknown}
      />
      {metric === "coverage" && (
        <KpiCard
          label={t.overview.daysLeft}
          value={fill(t.overview.daysLeftValue, { days: Math.max(0, overview.daysLeft) })}
          detail={fill(t.overview.daysLeftTo, { deadline: f.date(deadline) })}
        />
      )}
      <KpiCard
        label={t.overview.requiredPerDay}
        value={known && status.requiredPerDay !== null ? f.perDay(status.requiredPerDay) : "—"}
        detail={
          status.pacePerDay === null
            ? t.overview.currentPaceUnknown
            : fill(t.overview.currentPace, { pace: f.perDay(status.pacePerDay) })
        }
      />
      {known && (
        <KpiCard
          label={t.overview.unitsOnTrack}
          value={`${f.integer(done + onTrack)} / ${f.integer(figures.expected)}`}
          detail={fill(t.overview.unitsOnTrackDetail, { off: offTrack, notJudged })}
          tone={offPace ? "bad" : notJudged === 0 ? "good" : undefined}
        />
      )}
      {known && status.projection && (
        <KpiCard
          label={t.overview.projectionAtDeadline}
          value={f.percent(status.projection.percent)}
          detail={fill(t.overview.projectionDetail, { count: f.integer(status.projection.count) })}
          tone={offPace ? "bad" : undefined}
        />
      )}
      <KpiCard
        label={t.overview.eta}
        value={known ? etaText(status) : unknown}
        tone={offPace ? "bad" : status.etaKind === "reached" ? "good" : undefined}
      />
    </section>
  );

  function etaText(s: MetricStatus): string {
    switch (s.etaKind) {
      case "reached":
        return t.overview.etaReached;
      case "date":
        return s.eta === null ? t.overview.etaUnknown : f.date(s.eta);
      case "never":
        return t.overview.etaNever;
      default:
        return t.overview.etaUnknown;
    }
  }
}
