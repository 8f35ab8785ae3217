import type { Report, Unit } from "../../domain/types.ts";
import { type Lineage, UnitHistory } from "../../domain/unit-history.ts";
import type { Actor } from "../audit.ts";
import { type Boundary, boundaryStatements, type StoredBoundary } from "../boundaries.ts";
import { reportStatements as reports } from "../reports.ts";
import { type Home, type ReportingSettings, settingStatements as settings } from "../settings.ts";
import { unitStatements as units } from "../units.ts";
import type { StoreContext } from "./context.ts";
import { refuseLocked } from "./reports.ts";

/** Units added or changed together, with their lineage, and the area to choose (all or nothing). */
export interface UnitChange {
  units: readonly Unit[];
  lineage: readonly Lineage[];
  home?: Home;
  /** What the audit log records of it. */
  audit: { action: string; summary: Record<string, unknown> };
  /** Reports the change removes and adds (a late change: reports of ending communes dated after it), each audited. */
  reports?: { remove: readonly Report[]; add: readonly Report[] };
}

/** What a change is planned from, read inside its transaction. */
export interface UnitChangeReads {
  history: UnitHistory;
  /** The reports of these codes dated on or after `date`. */
  reportsFrom(codes: readonly string[], date: string): Promise<Report[]>;
}

export interface UnitArea {
  /** Every unit version the deployment holds and their lineage (the tree on a date: `treeOn`). */
  unitHistory(): Promise<UnitHistory>;
  /** Adds or renames units (seeds and `npm run units -- import`); parents must come before their children. */
  saveUnits(units: readonly Unit[]): Promise<void>;
  /**
   * Sets up an area or applies a change of units, in one transaction, audited. `plan` is given the
   * units as they are once the transaction holds the units version: concurrent changes (from any
   * process) run one after another, each planned on what the one before it left. A plan that
   * returns null changes nothing; one that throws changes nothing and the error goes to the caller.
   */
  changeUnits(
    plan: (reads: UnitChangeReads) => Promise<UnitChange | null> | UnitChange | null,
    actor: Actor,
  ): Promise<UnitChange | null>;
  /** The area chosen from the web; null until one is. */
  home(): Promise<Home | null>;
  /** The boundaries uploaded for these unit versions (the map fills them), as stored JSON text. */
  boundaries(versions: readonly Unit[]): Promise<StoredBoundary[]>;
  /** Saves boundaries of unit versions (audited), replacing theirs; answers kept per units version are stale then. */
  saveBoundaries(boundaries: readonly Boundary[], actor: Actor): Promise<void>;
  /** Removes the boundaries of these unit versions (audited); how many were removed. */
  removeBoundaries(versions: readonly Unit[], actor: Actor): Promise<number>;
  /** When weekly reports are due, and the weekly document's heading and signature. */
  reportingSettings(): Promise<ReportingSettings>;
  /** Changes them (audited). */
  updateReportingSettings(settings: ReportingSettings, actor: Actor): Promise<ReportingSettings>;
}

export function unitArea(ctx: StoreContext): UnitArea {
  return {
    unitHistory: () =>
      ctx.units(async () => new UnitHistory(await units.all(ctx.sql), await units.lineage(ctx.sql))),
    saveUnits: (list) => ctx.write("units", (tx) => units.upsertMany(tx, list)),
    changeUnits: (plan, actor) =>
      ctx.audited(actor, "units", async (tx, log) => {
        const change = await plan({
          history: new UnitHistory(await units.all(tx), await units.lineage(tx)),
          reportsFrom: (codes, date) => reports.from(tx, codes, date),
        });
        if (!change) return null;
        await units.upsertMany(tx, change.units);
        await units.addLineage(tx, change.lineage);
        if (change.reports) {
          const { remove, add } = change.reports;
          await refuseLocked(tx, [...remove, ...add]);
          for (const report of remove) {
            await reports.remove(tx, report.unitId, report.date);
            log({
              action: "report.delete",
              entity: "report",
              entityId: `${report.unitId}/${report.date}`,
              unitId: report.unitId,
              before: report,
              after: { reason: change.audit.action },
            });
          }
          await reports.upsertMany(tx, add, new Date().toISOString());
          for (const report of add)
            log({
              action: "report.create",
              entity: "report",
              entityId: `${report.unitId}/${report.date}`,
              unitId: report.unitId,
              after: report,
            });
        }
        const before = await settings.home(tx);
        if (change.home) await settings.setHome(tx, change.home);
        log({
          action: change.audit.action,
          entity: "units",
          entityId: change.home?.id ?? before?.id,
          before: change.home ? { home: before } : undefined,
          after: { ...change.audit.summary, ...(change.home ? { home: change.home } : {}) },
        });
        return change;
      }),
    home: () => settings.home(ctx.sql),
    boundaries: (versions) => boundaryStatements.of(ctx.sql, versions),
    saveBoundaries: (list, actor) =>
      ctx.audited(actor, "units", async (tx, log) => {
        await boundaryStatements.save(tx, list);
        log({ action: "units.boundaries", entity: "units", after: { units: list.map((b) => b.unitId) } });
      }),
    removeBoundaries: (versions, actor) =>
      ctx.audited(actor, "units", async (tx, log) => {
        const removed = await boundaryStatements.remove(tx, versions);
        log({ action: "units.boundaries_removed", entity: "units", after: { removed } });
        return removed;
      }),
    reportingSettings: () => settings.reporting(ctx.sql),
    // Due times decide what the reporting page says: the figures version is raised, no unit named.
    updateReportingSettings: (next, actor) =>
      ctx.audited(actor, "figures", async (tx, log, touched) => {
        touched([]);
        const before = await settings.reporting(tx);
        await settings.setReporting(tx, next);
        const after = await settings.reporting(tx);
        log({ action: "settings.reporting", entity: "settings", entityId: "1", before, after });
        return after;
      }),
  };
}
