import type Database from "better-sqlite3";
import { addDays } from "../domain/dates.ts";
import { UnitTree } from "../domain/tree.ts";
import type { Campaign, Report, Unit } from "../domain/types.ts";
import { campaignStatements } from "./campaign.ts";
import { migrate } from "./migrate.ts";
import { openDatabase } from "./open.ts";
import { reportStatements } from "./reports.ts";
import { unitStatements } from "./units.ts";

/**
 * Everything the app asks of its database, as coarse operations that each run in one
 * transaction. They return promises so that another engine can stand behind the same interface.
 */
export interface Store {
  unitTree(): Promise<UnitTree>;
  campaign(): Promise<Campaign>;
  reportCount(): Promise<number>;
  latestReportDate(unitIds: readonly string[]): Promise<string | null>;
  /** Per unit, sorted by date: the reports that assessing the units on `date` reads. */
  reportsForAssessment(
    unitIds: readonly string[],
    date: string,
    campaign: Campaign,
  ): Promise<Map<string, Report[]>>;
  /** Sorted by date: reports in [from, to] and each unit's last one before `from`. */
  reportsForSeries(unitIds: readonly string[], from: string, to: string): Promise<Report[]>;
  /** Adds or renames units; parents must come before their children. */
  saveUnits(units: readonly Unit[]): Promise<void>;
  insertReports(reports: readonly Report[]): Promise<void>;
  close(): void;
}

export function openStore(path: string | Buffer): Store {
  const db = openDatabase(path);
  migrate(db);
  return createStore(db);
}

export function createStore(db: Database.Database): Store {
  const units = unitStatements(db);
  const campaign = campaignStatements(db);
  const reports = reportStatements(db);
  // The hierarchy is read on every request and changes rarely: keep it until this store changes it.
  let tree: UnitTree | null = null;

  return {
    unitTree: async () => {
      tree ??= new UnitTree(units.all());
      return tree;
    },
    campaign: async () => campaign.get(),
    reportCount: async () => reports.count(),
    latestReportDate: async (unitIds) => reports.latestDate(unitIds),
    reportsForAssessment: async (unitIds, date, c) =>
      reports.forAssessment(unitIds, date, addDays(date, -c.paceWindowDays), c.start),
    reportsForSeries: async (unitIds, from, to) => reports.forSeries(unitIds, from, to),
    saveUnits: async (list) => {
      units.upsertMany(list);
      tree = null;
    },
    insertReports: async (list) => {
      reports.insertMany(list);
    },
    close: () => db.close(),
  };
}
