import { nextBaseline } from "./history.ts";
import { truncatedPercent, truncatedPercentOfRate } from "./percent.ts";
import { rateOfTracks, unitTrack } from "./trajectory.ts";
import type { Campaign, Metric, Report } from "./types.ts";

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
  /** The trajectory on this date, over the units that have one (see overview: expectedRate). */
  expectedCoverageRate: number | null;
  expectedLinkingRate: number | null;
  expectedCoveragePercent: string | null;
  expectedLinkingPercent: string | null;
}

/**
 * One point per date on which any of the units reported, each the sum of every unit's latest
 * report on or before that date. `reports` are every report of the units up to the last date wanted,
 * sorted by date; points before `from` are left out.
 */
export function seriesOf(
  reports: readonly Report[],
  unitCount: number,
  campaign: Campaign,
  from: string | null,
): SeriesPoint[] {
  const latest = new Map<string, Report>();
  const baselines = new Map<string, Report>();
  const sum = { population: 0, level2: 0, dual: 0, linked: 0 };
  const points: SeriesPoint[] = [];
  for (let i = 0; i < reports.length; i++) {
    const report = reports[i] as Report;
    const replaced = latest.get(report.unitId);
    for (const key of ["population", "level2", "dual", "linked"] as const) {
      sum[key] += report[key] - (replaced?.[key] ?? 0);
    }
    latest.set(report.unitId, report);
    baselines.set(
      report.unitId,
      nextBaseline(baselines.get(report.unitId), report, campaign.start) as Report,
    );
    const lastOfDate = reports[i + 1]?.date !== report.date;
    if (lastOfDate && (from === null || report.date >= from)) {
      const expectedCoverageRate = expectedRateOf(latest, baselines, campaign, "coverage", report.date);
      const expectedLinkingRate = expectedRateOf(latest, baselines, campaign, "linking", report.date);
      points.push({
        date: report.date,
        ...sum,
        reporting: latest.size,
        expected: unitCount,
        coveragePercent: truncatedPercent(sum.level2, sum.population),
        linkingPercent: truncatedPercent(sum.linked, sum.dual),
        expectedCoverageRate,
        expectedLinkingRate,
        expectedCoveragePercent: truncatedPercentOfRate(expectedCoverageRate),
        expectedLinkingPercent: truncatedPercentOfRate(expectedLinkingRate),
      });
    }
  }
  return points;
}

function expectedRateOf(
  latest: ReadonlyMap<string, Report>,
  baselines: ReadonlyMap<string, Report>,
  campaign: Campaign,
  metric: Metric,
  date: string,
): number | null {
  let expectedCount = 0;
  let base = 0;
  for (const [unitId, report] of latest) {
    const track = unitTrack(baselines.get(unitId), report, campaign, metric, date);
    if (!track) continue;
    expectedCount += track.expectedCount;
    base += track.base;
  }
  return rateOfTracks(expectedCount, base);
}
