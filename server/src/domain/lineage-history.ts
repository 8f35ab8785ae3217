import type { Report } from "./types.ts";
import type { HistorySource } from "./unit-history.ts";

const FIELDS = ["population", "level2", "dual", "linked"] as const;

/**
 * A reporting unit version's history across the changes of units: its own reports while it is
 * valid and, before it began, the sum of its predecessors' figures on each date any of them
 * reported (each predecessor's latest report on or before that date, as a parent's figures are;
 * a date before every predecessor has reported is left out). A divided predecessor contributes its
 * share of each count, rounded down. `reportsByCode` holds each code's reports sorted by date.
 */
export function historyOf(
  source: HistorySource,
  reportsByCode: ReadonlyMap<string, readonly Report[]>,
): Report[] {
  const { unit } = source;
  const own = (reportsByCode.get(unit.id) ?? []).filter(
    (r) => (!unit.validFrom || r.date >= unit.validFrom) && (!unit.validTo || r.date < unit.validTo),
  );
  if (source.predecessors.length === 0 || !unit.validFrom) return [...own];
  const begins = unit.validFrom;
  const parts = source.predecessors.map(({ share, source: predecessor }) =>
    historyOf(predecessor, reportsByCode)
      .filter((r) => r.date < begins)
      .map((r) => scaled(r, share)),
  );
  return [...summedOnEachDate(parts, unit.id), ...own];
}

function scaled(report: Report, share: number): Report {
  if (share === 1) return report;
  const part = { ...report };
  // The epsilon keeps 0.29 × 100 at 29 despite binary fractions; rounding down keeps linked ≤ dual ≤ level2.
  for (const field of FIELDS) part[field] = Math.floor(share * report[field] + 1e-9);
  return part;
}

function summedOnEachDate(parts: readonly Report[][], unitId: string): Report[] {
  const dates = [...new Set(parts.flatMap((part) => part.map((r) => r.date)))].sort();
  const at = parts.map(() => -1);
  const result: Report[] = [];
  for (const date of dates) {
    const sum: Report = { unitId, date, population: 0, level2: 0, dual: 0, linked: 0 };
    let complete = true;
    parts.forEach((part, i) => {
      let index = at[i] as number;
      while (index + 1 < part.length && (part[index + 1] as Report).date <= date) index++;
      at[i] = index;
      const latest = part[index];
      if (!latest) complete = false;
      else for (const field of FIELDS) sum[field] += latest[field];
    });
    if (complete) result.push(sum);
  }
  return result;
}
