import { truncatedPercent } from "./percent.ts";
import type { Report } from "./types.ts";

export interface SeriesPoint {
  date: string;
  population: number;
  level2: number;
  dual: number;
  linked: number;
  reporting: number;
  expected: number;
  coveragePercent: string | null;
  linkingPercent: string | null;
}

/**
 * One point per date on which any of the units reported, each the sum of every unit's latest
 * report on or before that date. `reports` are sorted by date; reports before `from` only
 * set where the units stand when the series starts.
 */
export function seriesOf(reports: readonly Report[], unitCount: number, from: string | null): SeriesPoint[] {
  const latest = new Map<string, Report>();
  const sum = { population: 0, level2: 0, dual: 0, linked: 0 };
  const points: SeriesPoint[] = [];
  for (let i = 0; i < reports.length; i++) {
    const report = reports[i] as Report;
    const replaced = latest.get(report.unitId);
    for (const key of ["population", "level2", "dual", "linked"] as const) {
      sum[key] += report[key] - (replaced?.[key] ?? 0);
    }
    latest.set(report.unitId, report);
    const lastOfDate = reports[i + 1]?.date !== report.date;
    if (lastOfDate && (from === null || report.date >= from)) {
      points.push({
        date: report.date,
        ...sum,
        reporting: latest.size,
        expected: unitCount,
        coveragePercent: truncatedPercent(sum.level2, sum.population),
        linkingPercent: truncatedPercent(sum.linked, sum.dual),
      });
    }
  }
  return points;
}
