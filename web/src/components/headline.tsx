import { METRICS, type Metric } from "@vneid-tracker/server/domain/types.ts";
import type { Campaign, UnitOverview } from "../lib/api.ts";
import { useI18n } from "../lib/i18n.tsx";

/** How many off-track communes the headline names before "and N more". */
const NAMED = 3;

/**
 * One answer to "will we make it?" for each target of the campaign (coverage and linking), from
 * the communes' own standings (a parent is on track only when every commune is), and what the
 * figures leave out. "Reached" is said only when every targeted metric is reached.
 */
export function Headline({ overview, campaign }: { overview: UnitOverview; campaign: Campaign }) {
  const { t, f, fill } = useI18n();
  const { figures, unit } = overview;
  const deadline = f.date(campaign.deadline);
  const total = figures.expected;
  const open = METRICS.filter((metric) => overview[metric].units.done < total);
  const labelled = (metric: Metric, text: string) =>
    fill(t.common.headlineMetric, {
      metric: metric === "coverage" ? t.common.metricCoverage : t.common.metricLinking,
      text,
    });
  let sentence: string;
  let bad: boolean;
  if (figures.reporting === 0) {
    bad = false;
    sentence = fill(overview.daysLeft <= 0 ? t.common.afterDeadlineNoFigures : t.common.headlineNoFigures, {
      unit: unit.name,
      date: f.date(overview.date),
      deadline,
    });
  } else if (overview.daysLeft <= 0) {
    bad = METRICS.some((metric) => overview[metric].remaining > 0);
    const results = METRICS.map((metric) =>
      fill(t.afterDeadlineResult[metric], {
        percent: f.percent(overview[metric].percent),
        remaining: f.integer(overview[metric].remaining),
      }),
    );
    sentence = `${fill(t.common.afterDeadline, { deadline, date: f.date(overview.date) })} ${results.join("; ")}.`;
  } else if (open.length === 0) {
    bad = false;
    sentence = fill(t.common.headlineReached, { total, deadline });
  } else {
    bad = open.some((metric) => overview[metric].units.offTrack > 0);
    const days = fill(t.common.headlineDays, { days: overview.daysLeft, deadline });
    const parts = METRICS.map((metric) =>
      open.includes(metric)
        ? labelled(metric, metricAnswer(metric))
        : labelled(metric, fill(t.common.headlineMetricReached, { total })),
    );
    sentence = `${days} ${parts.join(" ")}`;
  }
  const missing = figures.expected - figures.reporting;
  return (
    <div className={`headline${bad ? " headline-bad" : ""}`}>
      <p>{sentence}</p>
      {missing > 0 && figures.reporting > 0 && (
        <p className="small">
          {fill(t.common.reportingMissing, {
            reporting: figures.reporting,
            expected: figures.expected,
            missing,
          })}
        </p>
      )}
    </div>
  );

  /** Where one metric stands: what is needed per day, and the communes on and off track. */
  function metricAnswer(metric: Metric): string {
    const status = overview[metric];
    const { done, onTrack, offTrack, notJudged } = status.units;
    const required =
      status.requiredPerDay === null
        ? ""
        : fill(t.common.headlineRequired, { required: f.perDay(status.requiredPerDay) });
    let answer: string;
    if (offTrack === 0 && notJudged === 0)
      answer = fill(t.common.headlineOnTrackAll, { total, unit: unit.name });
    else if (notJudged === total) answer = t.common.headlineNoPace;
    else {
      const parts = [fill(t.common.headlineUnits, { ok: done + onTrack, total })];
      if (offTrack > 0)
        parts.push(
          fill(t.common.headlineOffTrack, { count: offTrack, deadline, list: offTrackList(metric) }),
        );
      if (notJudged > 0) parts.push(fill(t.common.headlineNotJudged, { count: notJudged }));
      const projection = status.projection
        ? fill(t.common.headlineProjection, {
            unit: unit.name,
            percent: f.percent(status.projection.percent),
          })
        : "";
      answer = `${parts.join("; ")}${projection ? `; ${projection}` : "."}`;
    }
    return required ? `${required}; ${answer}` : answer;
  }

  /** "Vĩnh An: 20/04/2032, Tây Phú: 15/09/2024, and 1 more", from the parent's OFF_PACE flag. */
  function offTrackList(metric: Metric): string {
    const offTrack = overview[metric].units.offTrack;
    const flag = overview.flags.find((x) => x.code === "OFF_PACE" && x.metric === metric);
    const listed = Array.isArray(flag?.values.units) ? flag.values.units : [];
    const named = listed
      .slice(0, NAMED)
      .map((u) => `${u.name}: ${u.eta === null ? t.common.etaNone : f.date(u.eta)}`);
    if (offTrack > named.length) named.push(fill(t.common.headlineMore, { count: offTrack - named.length }));
    return named.join(", ");
  }
}
