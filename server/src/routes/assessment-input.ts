import { vietnamDate } from "../domain/dates.ts";
import type { Store } from "../store/store.ts";
import { unitNotFound } from "./units.ts";

/**
 * What assessing a unit on a date needs: the hierarchy, the date (default: the unit's latest
 * report, else today in Vietnam), the campaign and each reporting unit's state. A 404 for an unknown unit.
 */
export async function assessmentInput(
  store: Store,
  unitId: string,
  date: string | undefined,
  now: () => number,
) {
  const tree = await store.unitTree();
  if (!tree.get(unitId)) throw unitNotFound(unitId);
  const units = tree.reportingUnitsUnder(unitId);
  const day = date ?? (await store.latestReportDate(units.map((u) => u.id))) ?? vietnamDate(now());
  const campaign = await store.campaign();
  const states = await store.reportingStates(units, campaign, day);
  return { tree, unitId, date: day, campaign, states };
}
