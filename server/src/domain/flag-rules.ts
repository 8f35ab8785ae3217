import { MESSAGES } from "../messages/format.ts";
import type { MetricState, MetricStatus, Standing, UnitState } from "./assessment-types.ts";
import { daysBetween } from "./dates.ts";
import { API_FORMAT, flagText } from "./flag-text.ts";
import type { Flag, FlagCode } from "./flags.ts";
import { baseOf, countOf } from "./history.ts";
import { roundTo2 } from "./percent.ts";
import { type Campaign, METRICS, type Metric, type Report } from "./types.ts";
import type { Incomplete } from "./unit-history.ts";

// When a unit is flagged, and with which values (docs/figures.md, "Flags"): BEHIND, OFF_PACE, STALE, DATA.

const STANDINGS: readonly Standing[] = ["done", "onTrack", "offTrack", "notJudged"];

export function behindFlags(metric: Metric, status: MetricStatus, campaign: Campaign): Flag[] {
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
export function offPaceFlags(
  metric: Metric,
  status: MetricStatus,
  state: MetricState,
  campaign: Campaign,
): Flag[] {
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
export function parentOffPaceFlags(
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

export function staleFlags(latest: Report, campaign: Campaign, date: string): Flag[] {
  const age = daysBetween(latest.date, date);
  if (age <= campaign.staleDays) return [];
  return [flag("STALE", null, { latestReport: latest.date, age, date, staleDays: campaign.staleDays })];
}

export function dataFlags(latest: Report, previous: Report | undefined): Flag[] {
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
export function incompleteFlag(incomplete: Incomplete | null, campaign: Campaign, date: string): Flag[] {
  if (!incomplete || (date >= incomplete.before && campaign.start >= incomplete.before)) return [];
  return [
    flag("DATA", null, {
      incompleteBefore: incomplete.before,
      units: incomplete.units.map((u) => u.name).join(" / "),
    }),
  ];
}

export function parentFlags(state: UnitState, campaign: Campaign, date: string): Flag[] {
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

export const flag = (code: FlagCode, metric: Metric | null, values: Flag["values"]): Flag =>
  new CatalogueFlag(code, metric, values);
