import { addDays } from "./dates.ts";
import type { Metric, Report } from "./types.ts";

/**
 * Lookups over one reporting unit's reports, sorted by date ascending. They also work on any
 * subset of the history that contains the reports they pick (the store loads only those).
 */

export function latestOn(history: readonly Report[], date: string): Report | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const report = history[i] as Report;
    if (report.date <= date) return report;
  }
  return undefined;
}

export function previousBefore(history: readonly Report[], date: string): Report | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const report = history[i] as Report;
    if (report.date < date) return report;
  }
  return undefined;
}

/**
 * The baseline once `report` is seen, reports coming in date order: the latest report on or before
 * the campaign start, else the first one after it. The one definition of the baseline.
 */
export function nextBaseline(current: Report | undefined, report: Report, start: string): Report | undefined {
  return report.date <= start || current === undefined ? report : current;
}

/** The unit's first figures on or after the campaign start: its figures on the start day, else its first report after it. */
export function baselineOf(history: readonly Report[], start: string): Report | undefined {
  let baseline: Report | undefined;
  for (const report of history) {
    if (report.date > start && baseline !== undefined) break;
    baseline = nextBaseline(baseline, report, start);
  }
  return baseline;
}

/** Reports dated in [date − days, date]. */
export function trailingWindow(history: readonly Report[], date: string, days: number): Report[] {
  const from = addDays(date, -days);
  return history.filter((report) => report.date >= from && report.date <= date);
}

/** The count a metric measures and the denominator it is measured against. */
export function countOf(report: Report, metric: Metric): number {
  return metric === "coverage" ? report.level2 : report.linked;
}

export function baseOf(report: Report, metric: Metric): number {
  return metric === "coverage" ? report.population : report.dual;
}

/** Sorts reports (or anything dated) by date. */
export const byDate = (a: { date: string }, b: { date: string }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

/** Two reports with the same four counts (whatever their unit and date). */
export const sameFigures = (a: Report, b: Report) =>
  a.population === b.population && a.level2 === b.level2 && a.dual === b.dual && a.linked === b.linked;
