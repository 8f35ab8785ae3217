import { z } from "zod";
import { addDays, daysBetween, vietnamDate } from "../domain/dates.ts";
import {
  isDue,
  REPORTING_WINDOW_WEEKS,
  unitRates,
  weekFromLabel,
  weekLabel,
  weekStatuses,
  weeksBetween,
} from "../domain/reporting-weeks.ts";
import { UNIT_KINDS, type Unit, type UnitKind } from "../domain/types.ts";
import type { Approval } from "../store/approvals.ts";
import type { Store } from "../store/store.ts";
import { isoDate } from "../validation.ts";
import { askedUnit } from "./assessment-input.ts";

/** The longest span one request may ask for: a year of weeks. */
export const REPORTING_MAX_DAYS = 371;

export const reportingQuery = z
  .object({ unit: z.string().min(1).optional(), from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be after `to`", path: ["from"] })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) <= REPORTING_MAX_DAYS, {
    message: `must be at most ${REPORTING_MAX_DAYS} days before \`to\` (a year of weeks)`,
    path: ["from"],
  });
/** A week's approval for a unit: when every one of its communes is approved, the approval given for it (else the latest). */
export function weekApproval(approvals: readonly Approval[], unitIds: readonly string[], via: string) {
  if (unitIds.length === 0 || approvals.length < unitIds.length) return null;
  const approved = new Set(approvals.map((a) => a.unitId));
  if (!unitIds.every((id) => approved.has(id))) return null;
  const chosen =
    approvals.find((a) => a.via === via) ?? [...approvals].sort((a, b) => (a.at < b.at ? 1 : -1))[0];
  return chosen ? { by: chosen.by, at: chosen.at } : null;
}

/** A unit's depth by its kind: communes, towns and wards deepest, then district, province, country. */
const depth = (kind: UnitKind) => UNIT_KINDS.indexOf(kind);

/**
 * A week's approvals by level (docs/accounts.md): one entry per unit the week was approved for, from
 * the lowest level to the highest, with the latest approval at that level and how many of the week's
 * communes it covers. `unitOn` names each level's unit as it was that week.
 */
export function approvalLevels(
  approvals: readonly Approval[],
  unitIds: readonly string[],
  unitOn: (id: string) => Unit | undefined,
) {
  const expected = new Set(unitIds);
  const byLevel = new Map<string, Approval[]>();
  for (const a of approvals) {
    if (expected.has(a.unitId)) byLevel.set(a.via, [...(byLevel.get(a.via) ?? []), a]);
  }
  return [...byLevel]
    .map(([via, list]) => {
      const latest = [...list].sort((a, b) => (a.at < b.at ? 1 : -1))[0] as Approval;
      const unit = unitOn(via);
      return {
        unitId: via,
        name: unit?.name ?? via,
        kind: unit?.kind ?? "commune",
        by: latest.by,
        at: latest.at,
        communes: new Set(list.map((a) => a.unitId)).size,
      };
    })
    .sort((a, b) => depth(b.kind) - depth(a.kind) || a.name.localeCompare(b.name, "vi"));
}

/** The week of `date`, its approval for these communes (null: provisional) and its approvals by level. */
export async function approvalOn(store: Store, unitIds: readonly string[], date: string, via: string) {
  const week = weekLabel(date);
  const approvals = await store.approvals(unitIds, week, week);
  const history = await store.unitHistory();
  const sunday = addDays(weekFromLabel(week) as string, 6);
  return {
    week,
    approval: weekApproval(approvals, unitIds, via),
    approvals: approvalLevels(approvals, unitIds, (id) => history.resolve(id, sunday)?.unit),
  };
}

/**
 * The reporting weeks of a unit (docs/figures.md, "The weekly reporting cycle"): per week, who was expected
 * (the communes of the unit on the week's Sunday), who reported on time, late or not at all, and the
 * week's approval. `unit` defaults to the area, `to` to today, `from` to eight weeks before `to`.
 */
export async function reportingWeeks(
  store: Store,
  query: { unit?: string; from?: string; to?: string },
  homeUnit: string | null,
  now: () => number,
) {
  const asked = await askedUnit(store, query.unit, homeUnit);
  const to = query.to ?? vietnamDate(now());
  const from = query.from ?? addDays(to, -7 * (REPORTING_WINDOW_WEEKS - 1));
  const { due } = await store.reportingSettings();
  const mondays = weeksBetween(from, to);
  // Each week's communes as they were on its Sunday.
  const scopes = mondays.map((monday) => {
    const scope = asked.on(addDays(monday, 6));
    return { monday, scope, units: scope.tree.reportingUnitsUnder(scope.unit.id) };
  });
  const codes = [...new Set(scopes.flatMap((s) => s.units.map((u) => u.id)))];
  const first = mondays[0] as string;
  const last = addDays(mondays.at(-1) as string, 6);
  const recorded = await store.firstRecorded(codes, first, last);
  const approvals = await store.approvals(codes, weekLabel(first), weekLabel(last));
  const history = await store.unitHistory();
  const weeks = scopes.map(({ monday, scope, units }) => {
    const week = weekLabel(monday);
    const statuses = weekStatuses(
      monday,
      units.map((u) => u.id),
      recorded,
      due,
    );
    const ofWeek = approvals.filter((a) => a.week === week);
    const approvedUnits = new Set(ofWeek.map((a) => a.unitId));
    return {
      week,
      start: monday,
      end: addDays(monday, 6),
      due: statuses.due,
      closed: isDue(statuses.due, now()),
      unit: { id: scope.unit.id, name: scope.unit.name },
      expected: units.length,
      reported: statuses.units.filter((u) => u.status !== "missing").length,
      onTime: statuses.units.filter((u) => u.status === "on_time").length,
      approval: weekApproval(
        ofWeek,
        units.map((u) => u.id),
        scope.unit.id,
      ),
      approvals: approvalLevels(
        ofWeek,
        units.map((u) => u.id),
        (id) => history.resolve(id, addDays(monday, 6))?.unit,
      ),
      units: statuses.units.map((s, i) => ({
        ...s,
        name: units[i]?.name ?? s.unitId,
        approved: approvedUnits.has(s.unitId),
      })),
    };
  });
  return { weeks, communes: unitRates(weeks) };
}
