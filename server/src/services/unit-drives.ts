import { vietnamDate } from "../domain/dates.ts";
import { type Drive, driveEffect, publicDrive } from "../domain/drives.ts";
import { can, type User } from "../domain/roles.ts";
import { versionKey, withPredecessors } from "../domain/unit-history.ts";
import type { DriveFilter, Store } from "../store/store.ts";
import { askedUnit } from "./assessment-input.ts";

/**
 * The drives held in a unit's communes (`unit`, default the deployment's area, as it is on `to`,
 * default today) and, before they began, in the communes they were formed from: each drive keeps
 * the unit version it was held in, and is named by it. Finished drives carry what followed them;
 * team details are for `reader`'s part of the tree only (roles.ts readPrivate; else publicDrive).
 */
export async function drivesOf(
  store: Store,
  query: { unit?: string; status?: DriveFilter["status"]; from?: string; to?: string },
  homeUnit: string | null,
  now: () => number,
  reader: User | null,
) {
  const { history, on } = await askedUnit(store, query.unit, homeUnit);
  const scope = on(query.to ?? vietnamDate(now()));
  const versions = withPredecessors(history, scope.tree.reportingUnitsUnder(scope.unit.id));
  const listed = await store.listDrives({
    unitIds: [...new Set([...versions.values()].map((u) => u.id))],
    status: query.status,
    from: query.from,
    to: query.to,
  });
  const held = listed.filter((d) => {
    const version = history.versionOn(d.unitId, d.date);
    return version !== undefined && versions.has(versionKey(version));
  });
  const shown: Drive[] = held.map((d) =>
    can(reader, "readPrivate", { unitId: d.unitId, date: d.date }) ? d : publicDrive(d),
  );
  const histories = await store.reportHistories([
    ...new Set(shown.filter((d) => d.status === "done").map((d) => d.unitId)),
  ]);
  const drives = shown.map((d) => ({
    ...d,
    unitName: history.versionOn(d.unitId, d.date)?.name ?? d.unitId,
    villageName:
      d.villageId === null ? null : (history.resolve(d.villageId, d.date)?.unit.name ?? d.villageId),
    effect: d.status === "done" ? driveEffect(d, histories.get(d.unitId) ?? []) : null,
  }));
  return { history, scope, drives };
}
