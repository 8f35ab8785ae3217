import { addDays } from "./dates.ts";
import { baselineOf, latestOn } from "./history.ts";
import type { Campaign, Report } from "./types.ts";

/**
 * What assessing a reporting unit on `date` reads of its history, declared once: a store loads
 * exactly these reports (in SQL, for a country of communes), and the assessment of them equals the
 * assessment of the whole history (a property test checks it).
 * - the trailing window [windowFrom, date]: the pace;
 * - the latest two reports on or before `date`: the figures, and the previous report DATA compares with;
 * - the latest report on or before `weekAgo`: the change since the week before;
 * - the baseline (history.ts: `baselineOf`): where the trajectory starts.
 */
export interface AssessmentReads {
  date: string;
  windowFrom: string;
  weekAgo: string;
  start: string;
}

export const assessmentReads = (campaign: Campaign, date: string): AssessmentReads => ({
  date,
  windowFrom: addDays(date, -campaign.paceWindowDays),
  weekAgo: addDays(date, -7),
  start: campaign.start,
});

/** The reports of one unit's history (sorted by date) that `reads` selects, sorted by date. */
export function selectReads(history: readonly Report[], reads: AssessmentReads): Report[] {
  const upToDate = history.filter((r) => r.date <= reads.date);
  const picked = new Set<Report>(upToDate.filter((r) => r.date >= reads.windowFrom));
  for (const report of upToDate.slice(-2)) picked.add(report);
  const weekAgo = latestOn(history, reads.weekAgo);
  if (weekAgo) picked.add(weekAgo);
  const baseline = baselineOf(history, reads.start);
  if (baseline) picked.add(baseline);
  return history.filter((r) => picked.has(r));
}
