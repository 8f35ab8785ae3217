import type Database from "better-sqlite3";
import { type CampaignArea, campaignArea } from "./areas/campaign.ts";
import { storeContext } from "./areas/context.ts";
import { type DriveArea, driveArea } from "./areas/drives.ts";
import { type ReportArea, reportArea, type SaveSummary } from "./areas/reports.ts";
import { type UnitArea, unitArea } from "./areas/units.ts";
import { type AttemptClaim, type AttemptLimit, type UserArea, userArea } from "./areas/users.ts";
import type { Actor, AuditEntry, AuditFilter, AuditRecord } from "./audit.ts";
import type { DriveFilter } from "./drives.ts";
import { migrate } from "./migrate.ts";
import { openDatabase } from "./open.ts";
import type { NewUser, UserChanges } from "./users.ts";

export type {
  Actor,
  AttemptClaim,
  AttemptLimit,
  AuditEntry,
  AuditFilter,
  AuditRecord,
  DriveFilter,
  NewUser,
  SaveSummary,
  UserChanges,
};

/**
 * Everything the app asks of its database, by area, as coarse operations that each run in one
 * transaction (see areas/). They return promises so that another engine can stand behind the same
 * interface.
 */
export type Store = UnitArea &
  CampaignArea &
  ReportArea &
  DriveArea &
  UserArea & {
    /** Goes up at every change of units, reports or campaign: what figures depend on (areas/context.ts). */
    figuresVersion(): number;
    audit(entry: AuditEntry, actor: Actor): Promise<void>;
    auditLog(filter: AuditFilter): Promise<AuditRecord[]>;
    close(): void;
  };

export function openStore(path: string | Buffer): Store {
  const db = openDatabase(path);
  migrate(db);
  return createStore(db);
}

export function createStore(db: Database.Database): Store {
  const ctx = storeContext(db);
  return {
    ...unitArea(ctx),
    ...campaignArea(ctx),
    ...reportArea(ctx),
    ...driveArea(ctx),
    ...userArea(ctx),
    figuresVersion: ctx.figuresVersion,
    audit: async (entry, actor) => {
      ctx.audit.record(entry, actor);
    },
    auditLog: async (filter) => ctx.audit.list(filter),
    close: () => db.close(),
  };
}
