import type { Assessment, MetricState, MetricStatus, UnitState } from "./assessment-types.ts";
import { daysBetween } from "./dates.ts";
import { behindFlags, offPaceFlags, parentFlags, parentOffPaceFlags } from "./flag-rules.ts";
import type { Flag } from "./flags.ts";
import { requiredPerDay } from "./pace.ts";
import { roundTo2, truncatedPercent, truncatedPercentOfRate } from "./percent.ts";
import { rateOfTracks } from "./trajectory.ts";
import { type Campaign, METRICS, type Metric } from "./types.ts";

/** Rates, trajectory, pace and flags of a unit whose state is known. */
export function assess(state: UnitState, campaign: Campaign, date: string, isParent: boolean): Assessment {
  const statuses = {} as Record<Metric, MetricStatus>;
  const flags: Flag[] = [];
  for (const metric of METRICS) {
    const metricState = state.metrics[metric];
    const status = metricStatus(metricState, campaign, date);
    const metricFlags =
      state.figures.reporting > 0
        ? [
            ...behindFlags(metric, status, campaign),
            ...(isParent
              ? parentOffPaceFlags(metric, status, metricState, campaign)
              : offPaceFlags(metric, status, metricState, campaign)),
          ]
        : [];
    status.lagging = metricFlags.length > 0;
    statuses[metric] = status;
    flags.push(...metricFlags);
  }
  flags.push(...(isParent ? parentFlags(state, campaign, date) : state.ownFlags));
  return {
    figures: state.figures,
    coverage: statuses.coverage,
    linking: statuses.linking,
    flags,
    lagging: statuses.coverage.lagging,
  };
}

function metricStatus(state: MetricState, campaign: Campaign, date: string): MetricStatus {
  const daysLeft = daysBetween(date, campaign.deadline);
  const hasFigures = state.base > 0;
  const rate = hasFigures ? state.count / state.base : null;
  const expected = state.track && rateOfTracks(state.track.expectedCount, state.track.base);
  const required = requiredPerDay(state.remaining, daysLeft);
  const etaKind = hasFigures ? state.etaKind : null;
  return {
    count: state.count,
    base: state.base,
    rate,
    percent: truncatedPercent(state.count, state.base),
    expectedRate: expected,
    expectedPercent: truncatedPercentOfRate(expected),
    // Whole people; `|| 0` turns -0 into 0.
    gapToExpected: state.track ? Math.ceil(state.track.expectedCount - state.track.count - 1e-9) || 0 : null,
    remaining: state.remaining,
    pacePerDay: state.pace === null ? null : roundTo2(state.pace),
    requiredPerDay: required === null ? null : roundTo2(required),
    shortfallPerDay:
      required === null || state.pace === null ? null : roundTo2(Math.max(0, required - state.pace)),
    eta: etaKind === "reached" ? date : etaKind === "date" ? state.etaDate : null,
    etaKind,
    targetCount: state.targetCount,
    projection: hasFigures
      ? {
          date: campaign.deadline,
          count: state.projected,
          percent: truncatedPercent(state.projected, state.base),
        }
      : null,
    units: { ...state.units },
    lagging: false,
    weekChange:
      hasFigures && state.weekAgo && state.weekAgo.base > 0
        ? {
            accounts: state.count - state.weekAgo.count,
            points: roundTo2((state.count / state.base - state.weekAgo.count / state.weekAgo.base) * 100),
          }
        : null,
  };
}
