import { assessmentReads } from "../domain/assessment-reads.ts";
import { vietnamDate } from "../domain/dates.ts";
import type { Store } from "../store/store.ts";
import { unitNotFound } from "./units.ts";

/**
 * What assessing a unit on a date needs: the hierarchy, the date (default: the unit's latest
 * report, else today in Vietnam), the campaign and the reports. A 404 for an unknown unit.
 */
export async function assessmentInput(
  store: Store,
  unitId: string,
  date: string | undefined,
  now: () => number,
) {
  const tree = await store.unitTree();
  if (!tree.get(unitId)) throw unitNotFound(unitId);
  const unitIds = tree.reportingUnitsUnder(unitId).map((u) => u.id);
  const day = date ?? (await store.latestReportDate(unitIds)) ?? vietnamDate(now());
  const campaign = await store.campaign();
  const histories = await store.reportsForAssessment(unitIds, assessmentReads(campaign, day));
  return { tree, unitId, date: day, campaign, histories };
}
