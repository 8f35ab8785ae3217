import { COUNT_FIELDS } from "../domain/report-validation.ts";
import { isReportingUnit } from "../domain/tree.ts";
import type { Report } from "../domain/types.ts";
import type { ReorganisationPlan } from "./reorganise.ts";

/**
 * What to do with the reports of communes that end at a change but are dated on or after it (entered
 * before a late change was applied): delete them, or merge them into their successor's report of
 * the same date (the sum of every predecessor's, when each of them reported that day).
 */
export const LATE_RESOLUTIONS = ["delete", "merge"] as const;
export type LateResolution = (typeof LATE_RESOLUTIONS)[number];

export interface LateReport extends Report {
  unitName: string;
  /** The communes it would belong to after the change. */
  successors: { id: string; name: string }[];
}

export interface LateReportsPlan {
  /** Every report of an ending commune dated on or after the change, as the preview lists them. */
  reports: LateReport[];
  /** The reports the change removes and adds (empty until a resolution is chosen). */
  remove: Report[];
  add: Report[];
  /** Why the change cannot be applied as asked; empty when it can. */
  problems: string[];
}

/** The codes whose reports dated on or after the change are late: the communes that end. */
export const endingCommunes = (plan: ReorganisationPlan) =>
  plan.ending.filter(isReportingUnit).map((u) => u.id);

export function planLateReports(
  plan: ReorganisationPlan,
  late: readonly Report[],
  resolution: LateResolution | undefined,
): LateReportsPlan {
  const names = new Map(plan.ending.map((u) => [u.id, u.name]));
  const successorsOf = (code: string) =>
    plan.successors
      .filter((s) => s.predecessors.some((p) => p.id === code))
      .map((s) => ({ id: s.unit.id, name: s.unit.name }));
  const reports = late
    .filter((r) => r.date >= plan.date && names.has(r.unitId))
    .map((r) => ({ ...r, unitName: names.get(r.unitId) as string, successors: successorsOf(r.unitId) }));
  const result: LateReportsPlan = { reports, remove: [], add: [], problems: [] };
  if (reports.length === 0) return result;
  const listed = reports.map((r) => `${r.unitName} (${r.unitId}) ${r.date}`).join(", ");
  if (resolution === undefined) {
    result.problems.push(
      `${reports.length === 1 ? "1 report" : `${reports.length} reports`} of communes that end on ${plan.date} ${reports.length === 1 ? "is" : "are"} dated on or after it: ${listed}. ` +
        "Delete them, or merge them into their successor's report of the same date, as part of the change.",
    );
    return result;
  }
  result.remove = reports.map(stripped);
  if (resolution === "delete") return result;
  const byKey = new Map(reports.map((r) => [`${r.unitId}/${r.date}`, r]));
  for (const date of [...new Set(reports.map((r) => r.date))].sort()) {
    for (const successor of plan.successors) {
      const predecessors = successor.predecessors;
      const dated = predecessors.filter((p) => byKey.has(`${p.id}/${date}`));
      if (dated.length === 0) continue;
      const blocking = predecessors.filter((p) => !p.held || p.share !== 1 || !byKey.has(`${p.id}/${date}`));
      if (blocking.length > 0) {
        result.problems.push(
          `The reports of ${date} cannot be merged into ${successor.unit.name} (${successor.unit.id}): ` +
            `${blocking.map((p) => `${p.name} (${p.id})`).join(", ")} ${blocking.length === 1 ? "has" : "have"} ` +
            "no report of that day to add, or went into it only in part. Delete them instead, and enter the new commune's figures after the change.",
        );
        continue;
      }
      const sum: Report = { unitId: successor.unit.id, date, population: 0, level2: 0, dual: 0, linked: 0 };
      for (const p of predecessors)
        for (const field of COUNT_FIELDS) sum[field] += (byKey.get(`${p.id}/${date}`) as Report)[field];
      result.add.push(sum);
    }
  }
  return result;
}

/** The report alone, without what the preview adds to it (its name, its successors). */
const stripped = ({ unitName: _, successors: __, ...report }: LateReport): Report => report;
