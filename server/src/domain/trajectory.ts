import { daysBetween } from "./dates.ts";

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
