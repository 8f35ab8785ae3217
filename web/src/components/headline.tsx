import type { Campaign, UnitOverview } from "../lib/api.ts";
import { useI18n } from "../lib/i18n.tsx";

/** How many off-track communes the headline names before "and N more". */
const NAMED = 3;

/**
 * One sentence that answers "will we make it?" from the communes' own standings (a parent is on
 * track only when every commune is), and what the figures leave out.
 */
export function Headline({ overview, campaign }: { overview: UnitOverview; campaign: Campaign }) {
  const { t, f, fill } = useI18n();
  const { coverage, figures, unit } = overview;
  const deadline = f.date(campaign.deadline);
  const { done, onTrack, offTrack, notJudged } = coverage.units;
  const total = figures.expected;
  const days = fill(t.headlineDays, {
    days: overview.daysLeft,
    deadline,
    required: coverage.requiredPerDay === null ? "—" : f.decimal(coverage.requiredPerDay),
  });
  let sentence: string;
  let bad = offTrack > 0;
  if (figures.reporting === 0) {
    sentence = fill(overview.daysLeft <= 0 ? t.afterDeadlineNoFigures : t.headlineNoFigures, {
      unit: unit.name,
      date: f.date(overview.date),
      deadline,
    });
  } else if (overview.daysLeft <= 0) {
    bad = coverage.remaining > 0;
    sentence = fill(t.afterDeadline, {
      deadline,
      date: f.date(overview.date),
      percent: f.percent(coverage.percent),
      remaining: f.integer(coverage.remaining),
    });
  } else if (done === total) {
    sentence = fill(t.headlineReached, { total, deadline });
  } else if (offTrack === 0 && notJudged === 0) {
    sentence = `${days} ${fill(t.headlineOnTrackAll, { total, unit: unit.name })}`;
  } else if (notJudged === total) {
    sentence = `${days} ${t.headlineNoPace}`;
  } else {
    const parts = [fill(t.headlineUnits, { ok: done + onTrack, total })];
    if (offTrack > 0)
      parts.push(fill(t.headlineOffTrack, { count: offTrack, deadline, list: offTrackList() }));
    if (notJudged > 0) parts.push(fill(t.headlineNotJudged, { count: notJudged }));
    const projection = coverage.projection
      ? fill(t.headlineProjection, { unit: unit.name, percent: f.percent(coverage.projection.percent) })
      : "";
    sentence = `${days} ${parts.join("; ")}${projection ? `; ${projection}` : "."}`;
  }
  const missing = figures.expected - figures.reporting;
  return (
    <div className={`headline${bad ? " headline-bad" : ""}`}>
      <p>{sentence}</p>
      {missing > 0 && figures.reporting > 0 && (
        <p className="small">
          {fill(t.reportingMissing, { reporting: figures.reporting, expected: figures.expected, missing })}
        </p>
      )}
    </div>
  );

  /** "Vĩnh An: 20/04/2032, Tây Phú: 15/09/2024, and 1 more", from the parent's OFF_PACE flag. */
  function offTrackList(): string {
    const flag = overview.flags.find((x) => x.code === "OFF_PACE" && x.metric === "coverage");
    const listed = Array.isArray(flag?.values.units) ? flag.values.units : [];
    const named = listed
      .slice(0, NAMED)
      .map((u) => `${u.name}: ${u.eta === null ? t.etaNone : f.date(u.eta)}`);
    if (offTrack > named.length) named.push(fill(t.headlineMore, { count: offTrack - named.length }));
    return named.join(", ");
  }
}
