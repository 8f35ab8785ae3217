import type { AssessmentReads } from "../../domain/assessment-reads.ts";
import { sameFigures } from "../../domain/history.ts";
import type { Report } from "../../domain/types.ts";
import type { Actor } from "../audit.ts";
import { reportStatements } from "../reports.ts";
import type { StoreContext } from "./context.ts";

export interface SaveSummary {
  created: number;
  revised: number;
  unchanged: number;
}

export interface ReportArea {
  reportCount(): Promise<number>;
  latestReportDate(unitIds: readonly string[]): Promise<string | null>;
  /** For each unit, the reports an assessment reads (domain/assessment-reads.ts), sorted by date. */
  reportsForAssessment(unitIds: readonly string[], reads: AssessmentReads): Promise<Map<string, Report[]>>;
  /** Every report of the units dated on or before `to`, sorted by date. */
  reportsUpTo(unitIds: readonly string[], to: string): Promise<Report[]>;
  /** Up to `limit` reports of the units after `after`, by date then unit: a large export reads page by page. */
  reportPage(
    unitIds: readonly string[],
    after: { date: string; unitId: string } | null,
    limit: number,
  ): Promise<Report[]>;
  /** Every report of each unit, sorted by date. */
  reportHistories(unitIds: readonly string[]): Promise<Map<string, Report[]>>;
  /** Adds reports as they are (the demo data), all or none; not audited. */
  insertReports(reports: readonly Report[]): Promise<void>;
  /**
   * Writes reports in one transaction, all or none: a new unit and date is created, an existing one
   * revised (the old values go to the audit log), identical figures left alone. One audit entry per change.
   */
  saveReports(reports: readonly Report[], actor: Actor): Promise<SaveSummary>;
  /** Deletes a report (audited); false when there was none. */
  deleteReport(unitId: string, date: string, actor: Actor): Promise<boolean>;
}

export function reportArea(ctx: StoreContext): ReportArea {
  const reports = reportStatements(ctx.db);
  return {
    reportCount: async () => reports.count(),
    latestReportDate: async (unitIds) => reports.latestDate(unitIds),
    reportsForAssessment: async (unitIds, reads) => reports.forAssessment(unitIds, reads),
    reportsUpTo: async (unitIds, to) => reports.upTo(unitIds, to),
    reportPage: async (unitIds, after, limit) => reports.page(unitIds, after, limit),
    reportHistories: async (unitIds) => {
      const byUnit = new Map<string, Report[]>();
      for (const report of reports.upTo(unitIds, "9999-12-31")) {
        const list = byUnit.get(report.unitId) ?? [];
        list.push(report);
        byUnit.set(report.unitId, list);
      }
      return byUnit;
    },
    insertReports: ctx.figuresChanged(async (list) => {
      reports.insertMany(list);
    }),
    saveReports: ctx.figuresChanged(async (list, actor) =>
      ctx.audited(actor, (log) => {
        const summary: SaveSummary = { created: 0, revised: 0, unchanged: 0 };
        for (const report of list) {
          const before = reports.one(report.unitId, report.date);
          if (before && sameFigures(before, report)) {
            summary.unchanged++;
            continue;
          }
          reports.upsert(report);
          summary[before ? "revised" : "created"]++;
          log({
            action: before ? "report.revise" : "report.create",
            entity: "report",
            entityId: `${report.unitId}/${report.date}`,
            unitId: report.unitId,
            before,
            after: report,
          });
        }
        return summary;
      }),
    ),
    deleteReport: ctx.figuresChanged(async (unitId, date, actor) =>
      ctx.audited(actor, (log) => {
        const before = reports.one(unitId, date);
        if (!before) return false;
        reports.remove(unitId, date);
        log({ action: "report.delete", entity: "report", entityId: `${unitId}/${date}`, unitId, before });
        return true;
      }),
    ),
  };
}
