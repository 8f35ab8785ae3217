import { daysBetween, laterOf } from "./dates.ts";
import { baseOf, countOf } from "./history.ts";
import type { Metric, Report } from "./types.ts";

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
