import type { Campaign, UnitOverview } from "../../lib/api.ts";
import { fill, useI18n } from "../../lib/i18n.tsx";

/** One sentence that answers "will we make it?", and what the figures leave out. */
export function Headline({ overview, campaign }: { overview: UnitOverview; campaign: Campaign }) {
  const { t, f } = useI18n();
  const { coverage, figures } = overview;
  const deadline = f.date(campaign.deadline);
  const offPace = overview.flags.some((flag) => flag.code === "OFF_PACE" && flag.metric === "coverage");
  const values = {
    days: overview.daysLeft,
    deadline,
    required: coverage.requiredPerDay === null ? "—" : f.decimal(coverage.requiredPerDay),
    pace: coverage.pacePerDay === null ? "—" : f.decimal(coverage.pacePerDay),
  };
  let sentence: string;
  if (overview.daysLeft <= 0) {
    sentence = fill(t.afterDeadline, {
      deadline,
      date: f.date(overview.date),
      percent: f.percent(coverage.percent),
      remaining: f.integer(coverage.remaining),
    });
  } else if (coverage.remaining === 0 && figures.reporting > 0) {
    sentence = fill(t.headlineReached, { target: `${campaign.targets.coverage * 100}%`, deadline });
  } else if (coverage.pacePerDay === null) {
    sentence = fill(t.headlineNoPace, values);
  } else {
    sentence = fill(offPace ? t.headlineOffTrack : t.headlineOnTrack, values);
  }
  const missing = figures.expected - figures.reporting;
  return (
    <div className={`headline${offPace || overview.daysLeft <= 0 ? " headline-bad" : ""}`}>
      <p>{sentence}</p>
      {missing > 0 && (
        <p className="small">
          {fill(t.reportingMissing, { reporting: figures.reporting, expected: figures.expected, missing })}
        </p>
      )}
    </div>
  );
}
