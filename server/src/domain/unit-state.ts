import {
  type EtaKind,
  type Figures,
  type MetricState,
  OFF_TRACK_LISTED,
  type OffTrackUnit,
  type Standing,
  type UnitState,
} from "./assessment-types.ts";
import { addDays, daysBetween, earlierOf, laterOf } from "./dates.ts";
import { dataFlags, flag, incompleteFlag, staleFlags } from "./flag-rules.ts";
import { baselineOf, baseOf, countOf, latestOn, previousBefore } from "./history.ts";
import { etaOn, paceOn, remainingToTarget, targetCountOf } from "./pace.ts";
import { unitTrack } from "./trajectory.ts";
import { compareCodes } from "./tree.ts";
import { type Campaign, METRICS, type Metric, type Report, type Unit } from "./types.ts";
import type { Incomplete } from "./unit-history.ts";

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
