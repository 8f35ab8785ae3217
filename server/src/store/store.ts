import pg from "pg";
import { type ApprovalArea, approvalArea } from "./areas/approvals.ts";
import { type CampaignArea, campaignArea } from "./areas/campaign.ts";
import { type PerUnit, storeContext } from "./areas/context.ts";
import { type DriveArea, driveArea } from "./areas/drives.ts";
import { type IdempotencyArea, idempotencyArea } from "./areas/idempotency.ts";
import { type ReminderArea, reminderArea } from "./areas/reminders.ts";
import { type ReportArea, reportArea, type SaveSummary } from "./areas/reports.ts";
import { type TokenArea, tokenArea } from "./areas/tokens.ts";
import { type UnitArea, unitArea } from "./areas/units.ts";
import { type AttemptClaim, type AttemptLimit, type UserArea, userArea } from "./areas/users.ts";
import { type Actor, type AuditEntry, type AuditFilter, type AuditRecord, auditStatements } from "./audit.ts";
import type { DriveFilter } from "./drives.ts";
import { migrate, migratePostgres } from "./migrate.ts";
import { openDatabase } from "./open.ts";
import { postgresSql } from "./sql/postgres.ts";
import { POSTGRES_URL, type Sql } from "./sql/sql.ts";
import { sqliteSql } from "./sql/sqlite.ts";
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
 * transaction (see areas/), the same on SQLite and on PostgreSQL.
 */
export type Store = UnitArea &
  CampaignArea &
  ApprovalArea &
  ReportArea &
  DriveArea &
  UserArea &
  TokenArea &
  IdempotencyArea &
  ReminderArea & {
    /** Goes up at every change of units, reports or campaign, from any process: what figures depend on. */
    figuresVersion(): Promise<number>;
    /** Goes up at every change of units or their boundaries, from any process. */
    unitsVersion(): Promise<number>;
    /**
     * Values per reporting unit kept in this process under at most `keys` keys, each forgotten when a
     * write changes its unit or a unit whose history feeds it (areas/context.ts).
     */
    perUnitCache<T>(keys: number): PerUnit<T>;
    audit(entry: AuditEntry, actor: Actor): Promise<void>;
    auditLog(filter: AuditFilter): Promise<AuditRecord[]>;
    close(): Promise<void>;
  };

/**
 * Opens the database at `location` and brings its schema up to date: a `postgres://` URL, or the
 * path of a SQLite file (`:memory:` or a serialized database for tests).
 */
export async function openStore(location: string | Buffer): Promise<Store> {
  if (typeof location === "string" && POSTGRES_URL.test(location)) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      await migratePostgres(client);
    } finally {
      await client.end();
    }
    return createStore(postgresSql(location));
  }
  const db = openDatabase(location);
  migrate(db);
  return createStore(sqliteSql(db));
}

export function createStore(sql: Sql): Store {
  const ctx = storeContext(sql);
  return {
    ...unitArea(ctx),
    ...campaignArea(ctx),
    ...approvalArea(ctx),
    ...reportArea(ctx),
    ...driveArea(ctx),
    ...userArea(ctx),
    ...tokenArea(ctx),
    ...idempotencyArea(ctx),
    ...reminderArea(ctx),
    figuresVersion: async () => (await ctx.versions()).figures,
    unitsVersion: async () => (await ctx.versions()).units,
    perUnitCache: (keys) => ctx.perUnit(keys),
    audit: (entry, actor) => ctx.write(null, (tx) => auditStatements.record(tx, [entry], actor)),
    auditLog: (filter) => auditStatements.list(ctx.sql, filter),
    close: () => sql.close(),
  };
}
