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
  /** Every report of the units dated on or before `to`, sorted by date. */
  reportsUpTo(unitIds: readonly string[], to: string): Promise<Report[]>;
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
      reports.forAssessment(unitIds, {
        date,
        windowFrom: addDays(date, -c.paceWindowDays),
        weekAgo: addDays(date, -7),
        start: c.start,
      }),
    reportsUpTo: async (unitIds, to) => reports.upTo(unitIds, to),
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
