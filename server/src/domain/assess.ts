import { MESSAGES } from "../messages/format.ts";
import { addDays, daysBetween, earlierOf, laterOf } from "./dates.ts";
import { API_FORMAT, flagText } from "./flag-text.ts";
import type { Flag, FlagCode } from "./flags.ts";
import { baselineOf, baseOf, countOf, latestOn, previousBefore } from "./history.ts";
import { etaOn, paceOn, remainingToTarget, requiredPerDay, targetCountOf } from "./pace.ts";
import { roundTo2, truncatedPercent, truncatedPercentOfRate } from "./percent.ts";
import { rateOfTracks, unitTrack } from "./trajectory.ts";
import { compareCodes } from "./tree.ts";
import { type Campaign, METRICS, type Metric, type Report, type Unit } from "./types.ts";
import type { Incomplete } from "./unit-history.ts";

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
  /** The metric's count (level-2 or linked accounts) and what it is measured against (population or people with both accounts). */
  count: number;
  base: number;
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
  /** Why `eta` is what it is: reached (nothing remains), date, never (a unit makes no progress), unknown (a pace is unknown). */
  etaKind: EtaKind | null;
  /** ceil(target × population) summed over the reporting units. */
  targetCount: number;
  /** Where the current paces lead on the deadline: each unit's count plus pace × days left, capped at its target. */
  projection: { date: string; count: number; percent: string | null } | null;
  /** The reporting units by standing: done, on track, off track, not yet judged (unknown pace or no report). */
  units: Record<Standing, number>;
  /** BEHIND or OFF_PACE on this metric. */
  lagging: boolean;
  /** Change since the figures of seven days earlier. */
  weekChange: { accounts: number; points: number } | null;
}

export type Standing = "done" | "onTrack" | "offTrack" | "notJudged";
export type EtaKind = "reached" | "date" | "never" | "unknown";

/** A reporting unit that will not reach the target before the deadline at its current pace. */
export interface OffTrackUnit {
  id: string;
  name: string;
  eta: string | null;
  /** The projected shortfall at the deadline: target count − projection. */
  shortfall: number;
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
  /** Summed over the reporting units, each judged by its own figures (never by the parent's totals). */
  targetCount: number;
  remaining: number;
  projected: number;
  units: Record<Standing, number>;
  etaKind: EtaKind;
  etaDate: string | null;
  /** The units off track, most projected shortfall first, at most OFF_TRACK_LISTED of them. */
  offTrack: OffTrackUnit[];
}

/** How many off-track units a parent's OFF_PACE flag names (the count says how many there are). */
export const OFF_TRACK_LISTED = 10;

/** The state of one reporting unit on `date`, from its reports (sorted by date). */
export function reportingUnitState(
  unit: Pick<Unit, "id" | "name">,
  history: readonly Report[],
  campaign: Campaign,
  date: string,
  /** Figures before a change of units left out of the history (unit-history.ts `sourcesOf`). */
  incomplete: Incomplete | null = null,
): UnitState {
  const latest = latestOn(history, date);
  const incompleteFlags = incompleteFlag(incomplete, campaign, date);
  if (!latest) {
    return {
      figures: emptyFigures(),
      metrics: { coverage: missingMetric(), linking: missingMetric() },
      staleUnits: 1,
      dataUnits: incompleteFlags.length,
      ownFlags: [flag("STALE", null, { latestReport: null, date }), ...incompleteFlags],
    };
  }
  const previous = previousBefore(history, latest.date);
  const baseline = baselineOf(history, campaign.start);
  const metrics = {} as Record<Metric, MetricState>;
  for (const metric of METRICS) {
    metrics[metric] = reportingMetricState(unit, history, latest, baseline, campaign, metric, date);
  }
  const ownFlags = [
    ...staleFlags(latest, campaign, date),
    ...dataFlags(latest, previous),
    ...incompleteFlags,
  ];
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
  unit: Pick<Unit, "id" | "name">,
  history: readonly Report[],
  latest: Report,
  baseline: Report | undefined,
  campaign: Campaign,
  metric: Metric,
  date: string,
): MetricState {
  const count = countOf(latest, metric);
  const base = baseOf(latest, metric);
  const onTrack = unitTrack(baseline, latest, campaign, metric, date);
  const track: MetricState["track"] = onTrack && {
    expectedCount: onTrack.expectedCount,
    base: onTrack.base,
    count,
  };
  const weekAgoReport = latestOn(history, addDays(date, -7));
  const weekAgo = weekAgoReport
    ? { count: countOf(weekAgoReport, metric), base: baseOf(weekAgoReport, metric) }
    : null;
  const pace = paceOn(history, date, metric, campaign.paceWindowDays);
  const targetCount = targetCountOf(campaign.targets[metric], base);
  const remaining = remainingToTarget(campaign.targets[metric], base, count);
  const daysLeft = Math.max(0, daysBetween(date, campaign.deadline));
  const projected =
    remaining > 0 && pace !== null && pace > 0
      ? Math.min(targetCount, Math.floor(count + pace * daysLeft))
      : count;
  const eta = etaOn(date, remaining, pace);
  const standing = standingOf(remaining, pace, eta, campaign.deadline);
  const units = {
    done: standing === "done" ? 1 : 0,
    onTrack: standing === "onTrack" ? 1 : 0,
    offTrack: standing === "offTrack" ? 1 : 0,
    notJudged: standing === "notJudged" ? 1 : 0,
  };
  return {
    count,
    base,
    track,
    weekAgo,
    pace,
    targetCount,
    remaining,
    projected,
    units,
    etaKind: remaining === 0 ? "reached" : pace === null ? "unknown" : eta === null ? "never" : "date",
    etaDate: eta,
    offTrack:
      standing === "offTrack"
        ? [{ id: unit.id, name: unit.name, eta, shortfall: targetCount - projected }]
        : NONE_OFF_TRACK,
  };
}

/**
 * Where a reporting unit stands against the deadline: done when nothing remains; not judged
 * while its pace is unknown; off track when it makes no progress or its ETA is not before the
 * deadline (the target must be met on figures dated before it); else on track.
 */
function standingOf(remaining: number, pace: number | null, eta: string | null, deadline: string): Standing {
  if (remaining === 0) return "done";
  if (pace === null) return "notJudged";
  if (pace <= 0 || eta === null || eta >= deadline) return "offTrack";
  return "onTrack";
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
    for (const metric of METRICS) addMetric(metrics[metric], state.metrics[metric]);
    if (state.figures.reporting === 0) continue;
    const f = state.figures;
    figures.population += f.population;
    figures.level2 += f.level2;
    figures.dual += f.dual;
    figures.linked += f.linked;
    figures.reporting += f.reporting;
    figures.oldestReport = minDate(figures.oldestReport, f.oldestReport);
    figures.latestReport = maxDate(figures.latestReport, f.latestReport);
  }
  for (const metric of METRICS) trimOffTrack(metrics[metric]);

  return { figures, metrics, staleUnits, dataUnits, ownFlags: [] };
}

const ETA_PRECEDENCE: Record<EtaKind, number> = { reached: 0, date: 1, unknown: 2, never: 3 };

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
  sum.targetCount += part.targetCount;
  sum.remaining += part.remaining;
  sum.projected += part.projected;
  sum.units.done += part.units.done;
  sum.units.onTrack += part.units.onTrack;
  sum.units.offTrack += part.units.offTrack;
  sum.units.notJudged += part.units.notJudged;
  // The parent reaches the target when its last unit does: never if one never does, unknown if one is unknown.
  const kind = ETA_PRECEDENCE[part.etaKind] > ETA_PRECEDENCE[sum.etaKind] ? part.etaKind : sum.etaKind;
  sum.etaDate =
    kind === "date"
      ? laterOf(sum.etaKind === "date" ? (sum.etaDate as string) : "", part.etaDate ?? "")
      : null;
  sum.etaKind = kind;
  if (part.offTrack.length > 0) {
    sum.offTrack.push(...part.offTrack);
    if (sum.offTrack.length > 4 * OFF_TRACK_LISTED) trimOffTrack(sum);
  }
}

/** Keeps the OFF_TRACK_LISTED units with the largest projected shortfall (a country has thousands off track). */
function trimOffTrack(state: MetricState): void {
  state.offTrack.sort((a, b) => b.shortfall - a.shortfall || compareCodes(a.id, b.id));
  state.offTrack.length = Math.min(state.offTrack.length, OFF_TRACK_LISTED);
}

/** The off-track list of a unit that is not off track: one shared empty list, never written to (sums own theirs). */
const NONE_OFF_TRACK = Object.freeze([]) as unknown as OffTrackUnit[];

const STANDINGS: readonly Standing[] = ["done", "onTrack", "offTrack", "notJudged"];

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

function behindFlags(metric: Metric, status: MetricStatus, campaign: Campaign): Flag[] {
  const { rate, expectedRate: expected } = status;
  if (rate === null || expected === null || rate >= expected - campaign.tolerancePoints / 100) return [];
  return [
    flag("BEHIND", metric, {
      percent: status.percent,
      expectedPercent: status.expectedPercent,
      points: roundTo2((expected - rate) * 100),
      gap: status.gapToExpected,
    }),
  ];
}

/** A reporting unit off track: no progress, or an ETA not before the deadline. */
function offPaceFlags(metric: Metric, status: MetricStatus, state: MetricState, campaign: Campaign): Flag[] {
  if (state.units.offTrack === 0 || state.pace === null) return [];
  return [
    flag("OFF_PACE", metric, {
      remaining: status.remaining,
      pacePerDay: status.pacePerDay,
      requiredPerDay: status.requiredPerDay,
      eta: status.eta,
      deadline: campaign.deadline,
      windowDays: campaign.paceWindowDays,
    }),
  ];
}

/** A parent is off pace when any of its units is: fast units stop at the target and cannot lend their pace. */
function parentOffPaceFlags(
  metric: Metric,
  status: MetricStatus,
  state: MetricState,
  campaign: Campaign,
): Flag[] {
  const offTrack = state.units.offTrack;
  if (offTrack === 0) return [];
  return [
    flag("OFF_PACE", metric, {
      offTrack,
      expected: STANDINGS.reduce((sum, standing) => sum + state.units[standing], 0),
      deadline: campaign.deadline,
      projectionPercent: status.projection?.percent ?? null,
      units: state.offTrack,
    }),
  ];
}

function staleFlags(latest: Report, campaign: Campaign, date: string): Flag[] {
  const age = daysBetween(latest.date, date);
  if (age <= campaign.staleDays) return [];
  return [flag("STALE", null, { latestReport: latest.date, age, date, staleDays: campaign.staleDays })];
}

function dataFlags(latest: Report, previous: Report | undefined): Flag[] {
  const flags: Flag[] = [];
  for (const metric of METRICS) {
    const count = countOf(latest, metric);
    const base = baseOf(latest, metric);
    if (count > base) {
      flags.push(flag("DATA", metric, { field: metric === "coverage" ? "level2" : "linked", count, base }));
    }
  }
  if (previous) {
    for (const field of ["level2", "dual", "linked"] as const) {
      if (latest[field] < previous[field]) {
        flags.push(
          flag("DATA", field === "level2" ? "coverage" : "linking", {
            field,
            previous: previous[field],
            current: latest[field],
            previousDate: previous.date,
            date: latest.date,
          }),
        );
      }
    }
  }
  return flags;
}

/**
 * DATA "incomplete" when the figures asked for, or the campaign's trajectory, reach back before a
 * change whose predecessors' part is unknown.
 */
function incompleteFlag(incomplete: Incomplete | null, campaign: Campaign, date: string): Flag[] {
  if (!incomplete || (date >= incomplete.before && campaign.start >= incomplete.before)) return [];
  return [
    flag("DATA", null, {
      incompleteBefore: incomplete.before,
      units: incomplete.units.map((u) => u.name).join(" / "),
    }),
  ];
}

function parentFlags(state: UnitState, campaign: Campaign, date: string): Flag[] {
  const flags: Flag[] = [];
  const total = state.figures.expected;
  if (state.staleUnits > 0) {
    flags.push(
      flag("STALE", null, {
        staleUnits: state.staleUnits,
        missingUnits: total - state.figures.reporting,
        expected: total,
        staleDays: campaign.staleDays,
        date,
      }),
    );
  }
  if (state.dataUnits > 0) flags.push(flag("DATA", null, { dataUnits: state.dataUnits, expected: total }));
  return flags;
}

/**
 * A flag with its code and values; its English message comes from the catalogue, as the web's does.
 * The message is made when it is first read, or when the flag is written as JSON: a country's
 * assessment makes tens of thousands of commune flags that only their parents' counts use.
 */
class CatalogueFlag implements Flag {
  #message: string | undefined;
  constructor(
    readonly code: FlagCode,
    readonly metric: Metric | null,
    readonly values: Flag["values"],
  ) {}
  get message(): string {
    this.#message ??= flagText(this, MESSAGES.en, API_FORMAT);
    return this.#message;
  }
  toJSON() {
    return { code: this.code, metric: this.metric, message: this.message, values: this.values };
  }
}

const flag = (code: FlagCode, metric: Metric | null, values: Flag["values"]): Flag =>
  new CatalogueFlag(code, metric, values);

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
  return {
    count: 0,
    base: 0,
    track: null,
    weekAgo: null,
    pace: null,
    targetCount: 0,
    remaining: 0,
    projected: 0,
    units: { done: 0, onTrack: 0, offTrack: 0, notJudged: 0 },
    etaKind: "reached",
    etaDate: null,
    offTrack: [],
  };
}

/** A reporting unit with no report: nothing known, so not judged. */
function missingMetric(): MetricState {
  const metric = emptyMetric();
  metric.units.notJudged = 1;
  metric.etaKind = "unknown";
  return metric;
}

const minDate = (a: string | null, b: string | null) =>
  a === null || b === null ? (a ?? b) : earlierOf(a, b);
const maxDate = (a: string | null, b: string | null) => (a === null || b === null ? (a ?? b) : laterOf(a, b));
