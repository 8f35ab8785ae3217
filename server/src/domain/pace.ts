import { addDays, dayNumber } from "./dates.ts";
import { countOf, trailingWindow } from "./history.ts";
import type { Metric, Report } from "./types.ts";

/** Least-squares slope of y over x; null with fewer than two distinct x. */
export function leastSquaresSlope(points: readonly { x: number; y: number }[]): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}

/** Accounts gained per day over the trailing window up to `date`; null with fewer than two reports. */
export function paceOn(
  history: readonly Report[],
  date: string,
  metric: Metric,
  windowDays: number,
): number | null {
  const points = trailingWindow(history, date, windowDays).map((report) => ({
    x: dayNumber(report.date),
    y: countOf(report, metric),
  }));
  return leastSquaresSlope(points);
}

/** The whole people the target asks for: ceil(target × base). */
export function targetCountOf(target: number, base: number): number {
  // Rounding to 1e-6 first stops 0.7 × 100 = 70.00000000000001 from asking for a 71st person.
  return Math.ceil(Math.round(target * base * 1e6) / 1e6);
}

/** People still needed to reach the target: ceil(target × base) − count, never below zero. */
export function remainingToTarget(target: number, base: number, count: number): number {
  return Math.max(0, targetCountOf(target, base) - count);
}

/** The pace needed to close `remaining` by the deadline; null once no day is left. */
export function requiredPerDay(remaining: number, daysLeft: number): number | null {
  return daysLeft > 0 ? remaining / daysLeft : null;
}

/** The day the target is reached at `pace`: `date` itself when nothing remains, null when it never is. */
export function etaOn(date: string, remaining: number, pace: number | null): string | null {
  if (remaining === 0) return date;
  if (pace === null || pace <= 0) return null;
  return addDays(date, Math.ceil(remaining / pace));
}
