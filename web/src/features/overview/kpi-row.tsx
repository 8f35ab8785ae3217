import { KpiCard } from "../../components/kpi-card.tsx";
import type { UnitOverview } from "../../lib/api.ts";
import { fill, useI18n } from "../../lib/i18n.tsx";

/** The figures of one metric as cards: rate, counts, what remains, days, pace, ETA. */
export function KpiRow({
  overview,
  metric,
  deadline,
}: {
  overview: UnitOverview;
  metric: "coverage" | "linking";
  deadline: string;
}) {
  const { t, f } = useI18n();
  const status = overview[metric];
  const { figures } = overview;
  const count = metric === "coverage" ? figures.level2 : figures.linked;
  const base = metric === "coverage" ? figures.population : figures.dual;
  const offPace = overview.flags.some((flag) => flag.code === "OFF_PACE" && flag.metric === metric);
  const behind = overview.flags.some((flag) => flag.code === "BEHIND" && flag.metric === metric);
  const eta =
    status.remaining === 0 && status.percent !== null
      ? t.etaReached
      : status.pacePerDay === null
        ? t.etaUnknown
        : status.eta === null
          ? t.etaNever
          : f.date(status.eta);
  return (
    <section className="kpi-row" aria-labelledby={`kpi-${metric}`}>
      <h2 id={`kpi-${metric}`}>{metric === "coverage" ? t.metricCoverage : t.metricLinking}</h2>
      <KpiCard
        label={metric === "coverage" ? t.coverageRate : t.linkRate}
        value={f.percent(status.percent)}
        detail={fill(t.expectedShort, { percent: f.percent(status.expectedPercent) })}
        tone={behind ? "bad" : undefined}
      />
      <KpiCard
        label={metric === "coverage" ? t.level2Accounts : t.linkedAccounts}
        value={`${f.integer(count)} / ${f.integer(base)}`}
      />
      <KpiCard label={t.remaining} value={`${f.integer(status.remaining)} ${t.people}`} />
      {metric === "coverage" && (
        <KpiCard
          label={t.daysLeft}
          value={fill(t.daysLeftValue, { days: Math.max(0, overview.daysLeft) })}
          detail={fill(t.daysLeftTo, { deadline: f.date(deadline) })}
        />
      )}
      <KpiCard
        label={t.requiredPerDay}
        value={status.requiredPerDay === null ? "—" : f.decimal(status.requiredPerDay)}
        detail={fill(t.currentPace, {
          pace: status.pacePerDay === null ? t.paceUnknown : f.decimal(status.pacePerDay),
        })}
        tone={offPace ? "bad" : undefined}
      />
      <KpiCard
        label={t.eta}
        value={eta}
        tone={offPace ? "bad" : status.remaining === 0 ? "good" : undefined}
      />
    </section>
  );
}
