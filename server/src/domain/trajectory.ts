import { daysBetween, laterOf } from "./dates.ts";
import { baseOf, countOf } from "./history.ts";
import type { Campaign, Metric, Report } from "./types.ts";

/**
 * The expected rate on `date` on the straight line from the unit's baseline rate (on its
 * baseline day, the campaign start or its first report after it) to the target on the deadline.
 * Null before the baseline day; the target itself from the deadline on.
 */
export function expectedRate(
  baseline: { date: string; rate: number },
  deadline: string,
  target: number,
  date: string,
): number | null {
  if (date < baseline.date) return null;
  const span = daysBetween(baseline.date, deadline);
  if (date >= deadline || span <= 0) return target;
  return baseline.rate + ((target - baseline.rate) * daysBetween(baseline.date, date)) / span;
}

/**
 * A unit's place on its trajectory on `date`: the expected count (expected rate × the metric's base
 * in `report`) and that base; null before its baseline or without a base. A parent's expected rate
 * is the sum of its units' expected counts over the sum of their bases (`rateOfTracks`).
 */
export function unitTrack(
  baseline: Report | undefined,
  report: Report,
  campaign: Campaign,
  metric: Metric,
  date: string,
): { expectedCount: number; base: number } | null {
  const base = baseOf(report, metric);
  const anchor = baseline && base > 0 ? trajectoryAnchor(baseline, metric, campaign.start) : null;
  const rate = anchor && expectedRate(anchor, campaign.deadline, campaign.targets[metric], date);
  return typeof rate === "number" ? { expectedCount: rate * base, base } : null;
}

/** The expected rate of a sum of units' tracks: Σ expected counts / Σ bases. */
export function rateOfTracks(expectedCount: number, base: number): number | null {
  return base > 0 ? expectedCount / base : null;
}

/** Where a unit's trajectory starts: its baseline report's rate, on the campaign start or later. */
export function trajectoryAnchor(
  baseline: Report,
  metric: Metric,
  start: string,
): { date: string; rate: number } | null {
  const base = baseOf(baseline, metric);
  if (base <= 0) return null;
  return { date: laterOf(baseline.date, start), rate: countOf(baseline, metric) / base };
}
