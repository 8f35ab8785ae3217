import { addDays, daysBetween, earlierOf, laterOf } from "./dates.ts";
import { type Flag, formatCount, formatPerDay, isLagging, METRIC_WORDS } from "./flags.ts";
import { baselineOf, baseOf, countOf, latestOn, previousBefore } from "./history.ts";
import { etaOn, paceOn, remainingToTarget, requiredPerDay } from "./pace.ts";
import { roundTo2, truncatedPercent, truncatedPercentOfRate } from "./percent.ts";
import { expectedRate, trajectoryAnchor } from "./trajectory.ts";
import { type Campaign, METRICS, type Metric, type Report } from "./types.ts";

export interface Figures {
  population: number;
  level2: number;
  dual: number;
  linked: number;
  /** Reporting units with a report on or before the date. */
  reporting: number;
  /** All reporting units under the unit. */
  expected: number;
  /** The oldest and newest of the reports used (null when none is). */
  oldestReport: string | null;
  latestReport: string | null;
}

export interface MetricStatus {
  rate: number | null;
  percent: string | null;
  expectedRate: number | null;
  expectedPercent: string | null;
  /** People needed to be back on the trajectory (negative when ahead of it). */
  gapToExpected: number | null;
  /** People still needed to reach the target. */
  remaining: number;
  pacePerDay: number | null;
  requiredPerDay: number | null;
  /** How many more a day than the current pace the required pace asks for (0 when the pace suffices). */
  shortfallPerDay: number | null;
  eta: string | null;
  /** Where the current pace leads: the target on the ETA if it comes before the deadline, else the rate on the deadline. */
  projection: { date: string; rate: number; percent: string | null } | null;
  /** Change since the figures of seven days earlier. */
  weekChange: { accounts: number; points: number } | null;
}

export interface Assessment {
  figures: Figures;
  coverage: MetricStatus;
  linking: MetricStatus;
  flags: Flag[];
  lagging: boolean;
}

/** What sums up from reporting units to their parents. */
export interface UnitState {
  figures: Figures;
  metrics: Record<Metric, MetricState>;
  staleUnits: number;
  dataUnits: number;
  /** STALE and DATA flags of a reporting unit; a parent's are derived from the counts above. */
  ownFlags: Flag[];
}

interface MetricState {
  count: number;
  base: number;
  /** Over the units whose trajectory is known on the date: the expected count and the actual one. */
  track: { expectedCount: number; base: number; count: number } | null;
  /** The same figures seven days earlier, over the units that had a report then. */
  weekAgo: { count: number; base: number } | null;
  pace: number | null;
}

/** The state of one reporting unit on `date`, from its reports (sorted by date). */
export function reportingUnitState(history: readonly Report[], campaign: Campaign, date: string): UnitState {
  const latest = latestOn(history, date);
  if (!latest) {
    return {
      figures: emptyFigures(),
      metrics: { coverage: emptyMetric(), linking: emptyMetric() },
      staleUnits: 1,
      dataUnits: 0,
      ownFlags: [
        {
          code: "STALE",
          metric: null,
          message: `No report on or before ${date}.`,
          values: { latestReport: null, date },
        },
      ],
    };
  }
  const previous = previousBefore(history, latest.date);
  const baseline = baselineOf(history, campaign.start);
  const metrics = {} as Record<Metric, MetricState>;
  for (const metric of METRICS) {
    metrics[metric] = reportingMetricState(history, latest, baseline, campaign, metric, date);
  }
  const ownFlags = [...staleFlags(latest, campaign, date), ...dataFlags(latest, previous)];
  return {
    figures: {
      population: latest.population,
      level2: latest.level2,
      dual: latest.dual,
      linked: latest.linked,
      reporting: 1,
      expected: 1,
      oldestReport: latest.date,
      latestReport: latest.date,
    },
    metrics,
    staleUnits: ownFlags.some((flag) => flag.code === "STALE") ? 1 : 0,
    dataUnits: ownFlags.some((flag) => flag.code === "DATA") ? 1 : 0,
    ownFlags,
  };
}

function reportingMetricState(
  history: readonly Report[],
  latest: Report,
  baseline: Report | undefined,
  campaign: Campaign,
  metric: Metric,
  date: string,
): MetricState {
  const count = countOf(latest, metric);
  const base = baseOf(latest, metric);
  let track: MetricState["track"] = null;
  const anchor = baseline && base > 0 ? trajectoryAnchor(baseline, metric, campaign.start) : null;
  const expected = anchor && expectedRate(anchor, campaign.deadline, campaign.targets[metric], date);
  if (typeof expected === "number") track = { expectedCount: expected * base, base, count };
  const weekAgoReport = latestOn(history, addDays(date, -7));
  const weekAgo = weekAgoReport
    ? { count: countOf(weekAgoReport, metric), base: baseOf(weekAgoReport, metric) }
    : null;
  return { count, base, track, weekAgo, pace: paceOn(history, date, metric, campaign.paceWindowDays) };
}

/** The state of a parent: the sum of its reporting units' states. */
export function sumStates(states: readonly UnitState[]): UnitState {
  const figures = emptyFigures();
  figures.expected = states.length;
  const metrics = { coverage: emptyMetric(), linking: emptyMetric() };
  let staleUnits = 0;
  let dataUnits = 0;
  for (const state of states) {
    staleUnits += state.staleUnits;
    dataUnits += state.dataUnits;
    if (state.figures.reporting === 0) continue;
    const f = state.figures;
    figures.population += f.population;
    figures.level2 += f.level2;
    figures.dual += f.dual;
    figures.linked += f.linked;
    figures.reporting += f.reporting;
    figures.oldestReport = minDate(figures.oldestReport, f.oldestReport);
    figures.latestReport = maxDate(figures.latestReport, f.latestReport);
    for (const metric of METRICS) addMetric(metrics[metric], state.metrics[metric]);
  }
  return { figures, metrics, staleUnits, dataUnits, ownFlags: [] };
}

function addMetric(sum: MetricState, part: MetricState): void {
  sum.count += part.count;
  sum.base += part.base;
  if (part.pace !== null) sum.pace = (sum.pace ?? 0) + part.pace;
  if (part.track) {
    const track = sum.track ?? { expectedCount: 0, base: 0, count: 0 };
    track.expectedCount += part.track.expectedCount;
    track.base += part.track.base;
    track.count += part.track.count;
    sum.track = track;
  }
  if (part.weekAgo) {
    sum.weekAgo = {
      count: (sum.weekAgo?.count ?? 0) + part.weekAgo.count,
      base: (sum.weekAgo?.base ?? 0) + part.weekAgo.base,
    };
  }
}

/** Rates, trajectory, pace and flags of a unit whose state is known. */
export function assess(state: UnitState, campaign: Campaign, date: string, isParent: boolean): Assessment {
  const statuses = {} as Record<Metric, MetricStatus>;
  const flags: Flag[] = [];
  for (const metric of METRICS) {
    const metricState = state.metrics[metric];
    const status = metricStatus(metricState, campaign, metric, date);
    statuses[metric] = status;
    if (state.figures.reporting > 0) flags.push(...progressFlags(metric, status, metricState, campaign));
  }
  flags.push(...(isParent ? parentFlags(state, campaign, date) : state.ownFlags));
  return {
    figures: state.figures,
    coverage: statuses.coverage,
    linking: statuses.linking,
    flags,
    lagging: isLagging(flags),
  };
}

function metricStatus(state: MetricState, campaign: Campaign, metric: Metric, date: string): MetricStatus {
  const target = campaign.targets[metric];
  const daysLeft = daysBetween(date, campaign.deadline);
  const hasFigures = state.base > 0;
  const rate = hasFigures ? state.count / state.base : null;
  const expected = state.track && state.track.base > 0 ? state.track.expectedCount / state.track.base : null;
  const remaining = remainingToTarget(target, state.base, state.count);
  const required = requiredPerDay(remaining, daysLeft);
  return {
    rate,
    percent: truncatedPercent(state.count, state.base),
    expectedRate: expected,
    expectedPercent: truncatedPercentOfRate(expected),
    // Whole people; `|| 0` turns -0 into 0.
    gapToExpected: state.track ? Math.ceil(state.track.expectedCount - state.track.count - 1e-9) || 0 : null,
    remaining,
    pacePerDay: state.pace === null ? null : roundTo2(state.pace),
    requiredPerDay: required === null ? null : roundTo2(required),
    shortfallPerDay:
      required === null || state.pace === null ? null : roundTo2(Math.max(0, required - state.pace)),
    eta: hasFigures ? etaOn(date, remaining, state.pace) : null,
    projection: hasFigures ? projectionOf(state, campaign.deadline, daysLeft, remaining, date) : null,
    weekChange:
      hasFigures && state.weekAgo && state.weekAgo.base > 0
        ? {
            accounts: state.count - state.weekAgo.count,
            points: roundTo2((state.count / state.base - state.weekAgo.count / state.weekAgo.base) * 100),
          }
        : null,
  };
}

function projectionOf(
  state: MetricState,
  deadline: string,
  daysLeft: number,
  remaining: number,
  date: string,
) {
  if (state.pace === null || daysLeft <= 0) return null;
  const eta = etaOn(date, remaining, state.pace);
  const at = (day: string, count: number) => ({
    date: day,
    rate: count / state.base,
    percent: truncatedPercent(Math.floor(count), state.base),
  });
  if (eta !== null && eta < deadline) return at(eta, state.count + remaining);
  return at(deadline, Math.max(0, state.count + state.pace * daysLeft));
}

function progressFlags(metric: Metric, status: MetricStatus, state: MetricState, campaign: Campaign): Flag[] {
  const words = METRIC_WORDS[metric];
  const flags: Flag[] = [];
  const { rate, expectedRate: expected } = status;
  if (rate !== null && expected !== null && rate < expected - campaign.tolerancePoints / 100) {
    const points = roundTo2((expected - rate) * 100);
    flags.push({
      code: "BEHIND",
      metric,
      message:
        `${words.rate} is ${status.percent}%, ${points.toFixed(2)} points below the ${status.expectedPercent}% ` +
        `expected on the trajectory: ${formatCount(status.gapToExpected ?? 0)} more ${words.count} needed to be back on it.`,
      values: {
        percent: status.percent,
        expectedPercent: status.expectedPercent,
        points,
        gap: status.gapToExpected,
      },
    });
  }
  if (status.remaining > 0 && state.pace !== null) {
    const values = {
      remaining: status.remaining,
      pacePerDay: status.pacePerDay,
      requiredPerDay: status.requiredPerDay,
      eta: status.eta,
      deadline: campaign.deadline,
      windowDays: campaign.paceWindowDays,
    };
    const need =
      status.requiredPerDay === null
        ? `the deadline ${campaign.deadline} has passed`
        : `${formatPerDay(status.requiredPerDay)} per day are needed`;
    if (state.pace <= 0) {
      flags.push({
        code: "OFF_PACE",
        metric,
        message:
          `No progress in ${words.count} over the last ${campaign.paceWindowDays} days ` +
          `(${formatPerDay(status.pacePerDay ?? 0)} per day) with ${formatCount(status.remaining)} still to reach; ${need}.`,
        values,
      });
    } else if (status.eta !== null && status.eta >= campaign.deadline) {
      flags.push({
        code: "OFF_PACE",
        metric,
        message:
          `At ${formatPerDay(status.pacePerDay ?? 0)} ${words.count} per day, the ${formatCount(status.remaining)} ` +
          `still needed would be reached on ${status.eta}, not before the deadline ${campaign.deadline}; ${need}.`,
        values,
      });
    }
  }
  return flags;
}

function staleFlags(latest: Report, campaign: Campaign, date: string): Flag[] {
  const age = daysBetween(latest.date, date);
  if (age <= campaign.staleDays) return [];
  return [
    {
      code: "STALE",
      metric: null,
      message: `The latest report is dated ${latest.date}, ${age} days before ${date} (more than ${campaign.staleDays}).`,
      values: { latestReport: latest.date, age, staleDays: campaign.staleDays },
    },
  ];
}

function dataFlags(latest: Report, previous: Report | undefined): Flag[] {
  const flags: Flag[] = [];
  for (const metric of METRICS) {
    const words = METRIC_WORDS[metric];
    const count = countOf(latest, metric);
    const base = baseOf(latest, metric);
    if (count > base) {
      flags.push({
        code: "DATA",
        metric,
        message: `${capitalise(words.count)} (${formatCount(count)}) exceed the ${words.base} (${formatCount(base)}).`,
        values: { field: metric === "coverage" ? "level2" : "linked", count, base },
      });
    }
  }
  if (previous) {
    for (const field of ["level2", "dual", "linked"] as const) {
      if (latest[field] < previous[field]) {
        flags.push({
          code: "DATA",
          metric: field === "level2" ? "coverage" : "linking",
          message:
            `${field} fell from ${formatCount(previous[field])} on ${previous.date} ` +
            `to ${formatCount(latest[field])} on ${latest.date}.`,
          values: { field, previous: previous[field], current: latest[field], previousDate: previous.date },
        });
      }
    }
  }
  return flags;
}

function parentFlags(state: UnitState, campaign: Campaign, date: string): Flag[] {
  const flags: Flag[] = [];
  const total = state.figures.expected;
  const missing = total - state.figures.reporting;
  if (state.staleUnits > 0) {
    flags.push({
      code: "STALE",
      metric: null,
      message:
        `${state.staleUnits} of ${total} reporting units have no report in the ${campaign.staleDays} days up to ${date}` +
        (missing > 0 ? `, ${missing} of them none at all.` : "."),
      values: {
        staleUnits: state.staleUnits,
        missingUnits: missing,
        expected: total,
        staleDays: campaign.staleDays,
      },
    });
  }
  if (state.dataUnits > 0) {
    flags.push({
      code: "DATA",
      metric: null,
      message: `${state.dataUnits} of ${total} reporting units have figures to check (a rate above 100% or a count that fell).`,
      values: { dataUnits: state.dataUnits, expected: total },
    });
  }
  return flags;
}

function emptyFigures(): Figures {
  return {
    population: 0,
    level2: 0,
    dual: 0,
    linked: 0,
    reporting: 0,
    expected: 1,
    oldestReport: null,
    latestReport: null,
  };
}

function emptyMetric(): MetricState {
  return { count: 0, base: 0, track: null, weekAgo: null, pace: null };
}

const minDate = (a: string | null, b: string | null) =>
  a === null || b === null ? (a ?? b) : earlierOf(a, b);
const maxDate = (a: string | null, b: string | null) => (a === null || b === null ? (a ?? b) : laterOf(a, b));
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
