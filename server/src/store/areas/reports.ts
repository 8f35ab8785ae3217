import { type AssessmentReads, assessmentReads } from "../../domain/assessment-reads.ts";
import type { UnitState } from "../../domain/assessment-types.ts";
import { addDays, earlierOf } from "../../domain/dates.ts";
import { baselineOf, sameFigures } from "../../domain/history.ts";
import { historyOf } from "../../domain/lineage-history.ts";
import type { Campaign, Report, Unit } from "../../domain/types.ts";
import {
  type HistorySource,
  type Incomplete,
  ownReportsOnly,
  sourceCodes,
  type UnitHistory,
  versionKey,
} from "../../domain/unit-history.ts";
import { reportingUnitState } from "../../domain/unit-state.ts";
import { type Approval, approvalStatements, WeekLocked } from "../approvals.ts";
import type { Actor, AuditEntry } from "../audit.ts";
import { type RecordedReport, reportStatements as reports } from "../reports.ts";
import type { Sql } from "../sql/sql.ts";
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
  /**
   * Each reporting unit version's state on `date` (domain/unit-state.ts `reportingUnitState` of the
   * reports its assessment reads, across changes of units), kept per unit until that unit's figures
   * change: after a revision in one commune, a country's overview computes that commune again, not the 10,000.
   */
  reportingStates(
    history: UnitHistory,
    units: readonly Unit[],
    campaign: Campaign,
    date: string,
  ): Promise<Map<string, UnitState>>;
  /**
   * Each reporting unit version's history up to `to`, across the changes of units
   * (domain/lineage-history.ts), with what it leaves out, by version key (unit-history.ts `versionKey`).
   */
  unitHistories(
    history: UnitHistory,
    units: readonly Unit[],
    to: string,
  ): Promise<Map<string, { reports: Report[]; incomplete: Incomplete | null }>>;
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
  /** Adds reports as they are (the demo data, with their recording times), all or none; not audited. */
  insertReports(reports: readonly RecordedReport[]): Promise<void>;
  /** When each report of the units dated in [from, to] was first recorded (UTC ISO): unit → date → time. */
  firstRecorded(
    unitIds: readonly string[],
    from: string,
    to: string,
  ): Promise<Map<string, Map<string, string>>>;
  /**
   * Writes reports in one transaction, all or none: a new unit and date is created, an existing one
   * revised (the old values go to the audit log), identical figures left alone. One audit entry per change.
   * A change in an approved week refuses the whole write (WeekLocked).
   */
  saveReports(reports: readonly Report[], actor: Actor): Promise<SaveSummary>;
  /** The reports of `reports` (unit and date) that fall in an approved week, with the approval. */
  lockedReports(
    reports: readonly { unitId: string; date: string }[],
  ): Promise<(Approval & { date: string })[]>;
  /** The reports of these codes dated on or after `date`. */
  reportsFrom(unitIds: readonly string[], date: string): Promise<Report[]>;
  /** Deletes a report (audited); false when there was none; WeekLocked in an approved week. */
  deleteReport(unitId: string, date: string, actor: Actor): Promise<boolean>;
}

const key = (report: Report) => `${report.unitId}/${report.date}`;
const figuresOf = ({ population, level2, dual, linked }: Report) => ({ population, level2, dual, linked });

/**
 * The audit entry of one save's changes to one unit: a single report is recorded as itself
 * (`report.create` / `report.revise`, before and after); several (an import of several weeks) as
 * one `report.batch` entry whose before and after give each date's figures (before: the revised
 * dates only) — one entry per commune rather than per row.
 */
function auditOfUnit(changed: readonly Report[], stored: ReadonlyMap<string, Report>): AuditEntry {
  const [only] = changed;
  if (only && changed.length === 1) {
    const before = stored.get(key(only));
    return {
      action: before ? "report.revise" : "report.create",
      entity: "report",
      entityId: key(only),
      unitId: only.unitId,
      before,
      after: only,
    };
  }
  const before: Record<string, ReturnType<typeof figuresOf>> = {};
  const after: Record<string, ReturnType<typeof figuresOf>> = {};
  for (const report of changed) {
    const previous = stored.get(key(report));
    if (previous) before[report.date] = figuresOf(previous);
    after[report.date] = figuresOf(report);
  }
  return {
    action: "report.batch",
    entity: "report",
    entityId: changed[0]?.unitId,
    unitId: changed[0]?.unitId,
    before,
    after,
  };
}

/** Inside the write's transaction (after the versions row, which approvals take too): no report of an approved week. */
export async function refuseLocked(tx: Sql, list: readonly Report[]) {
  if (list.length === 0) return;
  const locked = await approvalStatements.locking(tx, list);
  if (locked.length > 0) throw new WeekLocked(locked);
}

/** Reports by their unit, each unit's in the order read. */
function byUnitOf(list: readonly Report[]): Map<string, Report[]> {
  const byUnit = new Map<string, Report[]>();
  for (const report of list) {
    const kept = byUnit.get(report.unitId);
    if (kept) kept.push(report);
    else byUnit.set(report.unitId, [report]);
  }
  return byUnit;
}

/** Each source's history across the changes of units (by version key), from reports read by date. */
function historiesOf(sources: readonly HistorySource[], read: readonly Report[]) {
  const byCode = byUnitOf(read);
  return new Map(
    sources.map((source) => [
      versionKey(source.unit),
      { reports: historyOf(source, byCode), incomplete: source.incomplete },
    ]),
  );
}

export function reportArea(ctx: StoreContext): ReportArea {
  const baselines = ctx.perUnit<Report | null>(2);
  const states = ctx.perUnit<{ validFrom: string | null; state: UnitState }>(4);
  const forAssessment = async (unitIds: readonly string[], reads: AssessmentReads) =>
    reports.forAssessment(ctx.sql, unitIds, reads, await baselines.open(reads.start));
  const unitHistories = async (history: UnitHistory, units: readonly Unit[], to: string) => {
    const sources = units.map((unit) => history.sourcesOf(unit));
    const codes = new Set<string>();
    for (const source of sources) sourceCodes(source, codes);
    return historiesOf(sources, await reports.upTo(ctx.sql, [...codes], to));
  };
  /**
   * As unitHistories up to `reads.date`, but each history read only as far back as assessing it
   * needs (domain/assessment-reads.ts): every code a history is made of, over the dates its version
   * counts for, from `low` on, its latest two reports before `low` and its latest by the campaign's
   * start. The history made of them has every date from `low` on, its latest two before `low` and
   * its baseline as the whole history has them (each part's latest report on or before such a date
   * is read), so the assessment selects the same reports (lineage-reads.test.ts checks it). A
   * history with no figures by the start, whose baseline is its first complete date after it, is
   * read again from the start. After the country's reorganisation this reads a few weeks of
   * reports instead of every report since the first.
   */
  const lineageReads = async (history: UnitHistory, units: readonly Unit[], reads: AssessmentReads) => {
    const windowLow = [reads.windowFrom, reads.weekAgo, reads.date].reduce(earlierOf);
    const baselineTo = earlierOf(reads.start, reads.date);
    const read = await composedHistories(history, units, { low: windowLow, date: reads.date, baselineTo });
    if (baselineTo >= windowLow) return read;
    const fromStart = units.filter((unit) => {
      const baseline = baselineOf(read.get(versionKey(unit))?.reports ?? [], reads.start);
      return !baseline || baseline.date > reads.start;
    });
    if (fromStart.length > 0) {
      const again = await composedHistories(history, fromStart, {
        low: baselineTo,
        date: reads.date,
        baselineTo,
      });
      for (const [key, value] of again) read.set(key, value);
    }
    return read;
  };
  const composedHistories = async (
    history: UnitHistory,
    units: readonly Unit[],
    dates: { low: string; date: string; baselineTo: string },
  ) => {
    const sources = units.map((unit) => history.sourcesOf(unit));
    const parts = new Map<string, { code: string; lo: string; hi: string }>();
    const dayAfter = addDays(dates.date, 1);
    const addParts = (source: HistorySource, cut: string | null) => {
      const { unit } = source;
      const lo = unit.validFrom ?? "";
      const hi = [unit.validTo, cut].reduce<string>((a, b) => (b ? earlierOf(a, b) : a), dayAfter);
      parts.set(`${unit.id}|${lo}|${hi}`, { code: unit.id, lo, hi });
      // historyOf: before a version began, its predecessors' figures stand for it.
      for (const p of source.predecessors) addParts(p.source, unit.validFrom ?? null);
    };
    for (const source of sources) addParts(source, null);
    const read = await reports.lineage(ctx.sql, [...parts.values()], {
      low: dates.low,
      baselineTo: dates.baselineTo,
    });
    return historiesOf(sources, read);
  };
  return {
    reportCount: () => reports.count(ctx.sql),
    latestReportDate: (unitIds) => reports.latestDate(ctx.sql, unitIds),
    reportsForAssessment: forAssessment,
    reportingStates: async (history, units, campaign, date) => {
      const kept = await states.open(`${date}|${JSON.stringify(campaign)}`);
      const result = new Map<string, UnitState>();
      const plain: Unit[] = [];
      const across: Unit[] = [];
      for (const unit of units) {
        // Kept by code: one code names one version on a date, except when a page asks for a unit
        // not yet formed (its later communes' figures before they began), so the version is checked.
        const state = kept.known.get(unit.id);
        if (state && state.validFrom === (unit.validFrom ?? null)) result.set(unit.id, state.state);
        else if (ownReportsOnly(history.sourcesOf(unit))) plain.push(unit);
        else across.push(unit);
      }
      const keep = (unit: Unit, state: UnitState) => {
        kept.keep(unit.id, { validFrom: unit.validFrom ?? null, state });
        result.set(unit.id, state);
      };
      if (plain.length > 0) {
        const histories = await forAssessment(
          plain.map((unit) => unit.id),
          assessmentReads(campaign, date),
        );
        for (const unit of plain)
          keep(unit, reportingUnitState(unit, histories.get(unit.id) ?? [], campaign, date));
      }
      if (across.length > 0) {
        const histories = await lineageReads(history, across, assessmentReads(campaign, date));
        for (const unit of across) {
          const { reports, incomplete } = histories.get(versionKey(unit)) as {
            reports: Report[];
            incomplete: Incomplete | null;
          };
          keep(unit, reportingUnitState(unit, reports, campaign, date, incomplete));
        }
      }
      return result;
    },
    unitHistories: (history, units, to) => unitHistories(history, units, to),
    reportsUpTo: (unitIds, to) => reports.upTo(ctx.sql, unitIds, to),
    reportPage: (unitIds, after, limit) => reports.page(ctx.sql, unitIds, after, limit),
    reportHistories: async (unitIds) => byUnitOf(await reports.upTo(ctx.sql, unitIds, "9999-12-31")),
    insertReports: (list) =>
      ctx.write("figures", (tx) => reports.insertMany(tx, list, new Date().toISOString())),
    firstRecorded: (unitIds, from, to) => reports.firstRecorded(ctx.sql, unitIds, from, to),
    lockedReports: (list) => approvalStatements.locking(ctx.sql, list),
    saveReports: (list, actor) =>
      ctx.audited(actor, "figures", async (tx, log, touched) => {
        // One report per unit and date, as the last in the list has it.
        const latest = [...new Map(list.map((report) => [key(report), report])).values()];
        const stored = new Map((await reports.existing(tx, latest)).map((report) => [key(report), report]));
        const summary: SaveSummary = { created: 0, revised: 0, unchanged: 0 };
        const changed: Report[] = [];
        for (const report of latest) {
          const before = stored.get(key(report));
          if (before && sameFigures(before, report)) {
            summary.unchanged++;
            continue;
          }
          changed.push(report);
          summary[before ? "revised" : "created"]++;
        }
        await refuseLocked(tx, changed);
        await reports.upsertMany(tx, changed, new Date().toISOString());
        for (const reportsOfUnit of byUnitOf(changed).values()) log(auditOfUnit(reportsOfUnit, stored));
        touched(changed.map((report) => report.unitId));
        return summary;
      }),
    reportsFrom: (unitIds, date) => reports.from(ctx.sql, unitIds, date),
    deleteReport: (unitId, date, actor) =>
      ctx.audited(actor, "figures", async (tx, log, touched) => {
        const [before] = await reports.existing(tx, [{ unitId, date }]);
        touched(before ? [unitId] : []);
        if (!before) return false;
        await refuseLocked(tx, [before]);
        await reports.remove(tx, unitId, date);
        log({ action: "report.delete", entity: "report", entityId: `${unitId}/${date}`, unitId, before });
        return true;
      }),
  };
}
