import type Database from "better-sqlite3";
import type { User } from "../auth/roles.ts";
import type { AssessmentReads } from "../domain/assessment-reads.ts";
import type { Drive, DriveInput } from "../domain/drives.ts";
import { sameFigures } from "../domain/history.ts";
import { UnitTree } from "../domain/tree.ts";
import type { Campaign, Report, Unit } from "../domain/types.ts";
import { type Actor, type AuditEntry, type AuditFilter, type AuditRecord, auditStatements } from "./audit.ts";
import { campaignStatements } from "./campaign.ts";
import { type DriveFilter, driveStatements } from "./drives.ts";
import { migrate } from "./migrate.ts";
import { openDatabase } from "./open.ts";
import { reportStatements } from "./reports.ts";
import { sessionStatements } from "./sessions.ts";
import { unitStatements } from "./units.ts";
import { type NewUser, type UserChanges, userStatements } from "./users.ts";

export type { Actor, AuditEntry, AuditFilter, AuditRecord, DriveFilter, NewUser, UserChanges };

export interface SaveSummary {
  created: number;
  revised: number;
  unchanged: number;
}

/**
 * Everything the app asks of its database, as coarse operations that each run in one
 * transaction. They return promises so that another engine can stand behind the same interface.
 */
export interface Store {
  /** Goes up at every change of units, reports or campaign: what figures depend on. */
  figuresVersion(): number;
  unitTree(): Promise<UnitTree>;
  campaign(): Promise<Campaign>;
  reportCount(): Promise<number>;
  latestReportDate(unitIds: readonly string[]): Promise<string | null>;
  /** Per unit, sorted by date: the reports that assessing the units on `date` reads. */
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
  /** Adds or renames units; parents must come before their children. */
  saveUnits(units: readonly Unit[]): Promise<void>;
  insertReports(reports: readonly Report[]): Promise<void>;
  /**
   * Writes reports in one transaction, all or none: a new unit and date is created, an existing one
   * revised (the old values go to the audit log), identical figures left alone. One audit entry per change.
   */
  saveReports(reports: readonly Report[], actor: Actor): Promise<SaveSummary>;
  /** Deletes a report (audited); false when there was none. */
  deleteReport(unitId: string, date: string, actor: Actor): Promise<boolean>;
  listDrives(filter: DriveFilter): Promise<Drive[]>;
  getDrive(id: number): Promise<Drive | undefined>;
  /** Drive changes are audited with before and after, in the same transaction. */
  createDrive(drive: DriveInput, actor: Actor): Promise<Drive>;
  updateDrive(id: number, drive: DriveInput, actor: Actor): Promise<Drive>;
  deleteDrive(id: number, actor: Actor): Promise<boolean>;
  /** Adds drives as they are (the demo data); not audited. */
  insertDrives(drives: readonly DriveInput[]): Promise<void>;
  /** Replaces the campaign settings (audited). */
  updateCampaign(campaign: Campaign, actor: Actor): Promise<Campaign>;

  countUsers(): Promise<number>;
  /** The user and the password hash to check a login against. */
  findUserForLogin(username: string): Promise<{ user: User; passwordHash: string } | undefined>;
  getUser(id: number): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  createUser(user: NewUser, actor: Actor): Promise<User>;
  /** Changes a user (audited); disabling or a new password ends every session of the user. */
  updateUser(id: number, changes: UserChanges, actor: Actor): Promise<User>;

  createSession(idHash: string, userId: number, nowMs: number): Promise<void>;
  findSession(idHash: string): Promise<{ userId: number; createdMs: number; lastSeenMs: number } | undefined>;
  touchSession(idHash: string, nowMs: number): Promise<void>;
  endSession(idHash: string): Promise<void>;
  endUserSessions(userId: number): Promise<void>;

  /**
   * Counts an attempt (a sign-in before its password is checked, a large export) in one
   * transaction: refused when any limit is reached in its window (attempts in flight count), else
   * recorded under every key.
   */
  claimAttempt(limits: readonly AttemptLimit[], nowMs: number): Promise<AttemptClaim>;
  /** A successful sign-in: its attempt no longer counts, and the attempts under `clearKey` are forgotten. */
  releaseAttempt(attempt: readonly number[], clearKey: string): Promise<void>;

  audit(entry: AuditEntry, actor: Actor): Promise<void>;
  auditLog(filter: AuditFilter): Promise<AuditRecord[]>;
  close(): void;
}

export interface AttemptLimit {
  key: string;
  max: number;
  windowMs: number;
}

export type AttemptClaim =
  | { ok: true; attempt: number[] }
  /** `firstRefusal`: the first refusal under this key in the window (audited; later ones are only counted). */
  | { ok: false; key: string; retryAfterMs: number; firstRefusal: boolean };

export function openStore(path: string | Buffer): Store {
  const db = openDatabase(path);
  migrate(db);
  return createStore(db);
}

export function createStore(db: Database.Database): Store {
  const units = unitStatements(db);
  const campaign = campaignStatements(db);
  const reports = reportStatements(db);
  const users = userStatements(db);
  const sessions = sessionStatements(db);
  const audit = auditStatements(db);
  const drives = driveStatements(db);
  const getDrive = (id: number) => {
    const drive = drives.one(id);
    if (!drive) throw new Error(`no drive ${id}`);
    return drive;
  };
  const getUser = (id: number) => {
    const user = users.byId(id);
    if (!user) throw new Error(`no user ${id}`);
    return user;
  };
  // The hierarchy is read on every request and changes rarely: keep it until this store changes it.
  let tree: UnitTree | null = null;
  let version = 0;
  /** Runs a write and marks the figures as changed. */
  const changes =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await write(...args);
      } finally {
        version++;
      }
    };

  return {
    figuresVersion: () => version,
    unitTree: async () => {
      tree ??= new UnitTree(units.all());
      return tree;
    },
    campaign: async () => campaign.get(),
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
    saveUnits: changes(async (list) => {
      units.upsertMany(list);
      tree = null;
    }),
    insertReports: changes(async (list) => {
      reports.insertMany(list);
    }),
    saveReports: changes(async (list, actor) =>
      db.transaction(() => {
        const summary: SaveSummary = { created: 0, revised: 0, unchanged: 0 };
        for (const report of list) {
          const before = reports.one(report.unitId, report.date);
          if (before && sameFigures(before, report)) {
            summary.unchanged++;
            continue;
          }
          reports.upsert(report);
          summary[before ? "revised" : "created"]++;
          audit.record(
            {
              action: before ? "report.revise" : "report.create",
              entity: "report",
              entityId: `${report.unitId}/${report.date}`,
              unitId: report.unitId,
              before,
              after: report,
            },
            actor,
          );
        }
        return summary;
      })(),
    ),
    deleteReport: changes(async (unitId, date, actor) =>
      db.transaction(() => {
        const before = reports.one(unitId, date);
        if (!before) return false;
        reports.remove(unitId, date);
        audit.record(
          { action: "report.delete", entity: "report", entityId: `${unitId}/${date}`, unitId, before },
          actor,
        );
        return true;
      })(),
    ),
    listDrives: async (filter) => drives.list(filter),
    getDrive: async (id) => drives.one(id),
    createDrive: async (input, actor) =>
      db.transaction(() => {
        const created = getDrive(drives.insert(input));
        audit.record(
          {
            action: "drive.create",
            entity: "drive",
            entityId: String(created.id),
            unitId: created.unitId,
            after: created,
          },
          actor,
        );
        return created;
      })(),
    updateDrive: async (id, input, actor) =>
      db.transaction(() => {
        const before = getDrive(id);
        drives.update(id, input);
        const after = getDrive(id);
        audit.record(
          {
            action: "drive.update",
            entity: "drive",
            entityId: String(id),
            unitId: after.unitId,
            before,
            after,
          },
          actor,
        );
        return after;
      })(),
    deleteDrive: async (id, actor) =>
      db.transaction(() => {
        const before = drives.one(id);
        if (!before) return false;
        drives.remove(id);
        audit.record(
          { action: "drive.delete", entity: "drive", entityId: String(id), unitId: before.unitId, before },
          actor,
        );
        return true;
      })(),
    insertDrives: async (list) => {
      db.transaction(() => {
        for (const drive of list) drives.insert(drive);
      })();
    },
    updateCampaign: changes(async (next, actor) =>
      db.transaction(() => {
        const before = campaign.get();
        campaign.update(next);
        const after = campaign.get();
        audit.record({ action: "campaign.update", entity: "campaign", entityId: "1", before, after }, actor);
        return after;
      })(),
    ),

    countUsers: async () => users.count(),
    findUserForLogin: async (username) => users.byName(username),
    getUser: async (id) => users.byId(id),
    listUsers: async () => users.all(),
    createUser: async (user, actor) =>
      db.transaction(() => {
        const created = getUser(users.insert(user));
        audit.record(
          {
            action: "user.create",
            entity: "user",
            entityId: String(created.id),
            unitId: created.unitId,
            after: created,
          },
          actor,
        );
        return created;
      })(),
    updateUser: async (id, changes, actor) =>
      db.transaction(() => {
        const before = getUser(id);
        users.update(id, changes);
        const after = getUser(id);
        if (changes.disabled || changes.passwordHash) sessions.removeForUser(id);
        const shown = changes.passwordHash ? { ...after, passwordChanged: true } : after;
        audit.record(
          {
            action: "user.update",
            entity: "user",
            entityId: String(id),
            unitId: after.unitId,
            before,
            after: shown,
          },
          actor,
        );
        return after;
      })(),

    createSession: async (idHash, userId, nowMs) => {
      sessions.insert(idHash, userId, nowMs);
    },
    findSession: async (idHash) => {
      const row = sessions.find(idHash);
      return row && { userId: row.user_id, createdMs: row.created_ms, lastSeenMs: row.last_seen_ms };
    },
    touchSession: async (idHash, nowMs) => {
      sessions.touch(idHash, nowMs);
    },
    endSession: async (idHash) => {
      sessions.remove(idHash);
    },
    endUserSessions: async (userId) => {
      sessions.removeForUser(userId);
    },

    claimAttempt: async (limits, nowMs) =>
      db.transaction((): AttemptClaim => {
        sessions.pruneFailures(nowMs - 86_400_000);
        for (const limit of limits) {
          const { count, oldest } = sessions.failures(limit.key, nowMs - limit.windowMs);
          if (count >= limit.max && oldest !== null) {
            const refusals = `throttled:${limit.key}`;
            const firstRefusal = sessions.failures(refusals, nowMs - limit.windowMs).count === 0;
            sessions.addFailure(refusals, nowMs);
            return { ok: false, key: limit.key, retryAfterMs: oldest + limit.windowMs - nowMs, firstRefusal };
          }
        }
        return { ok: true, attempt: limits.map((limit) => sessions.addFailure(limit.key, nowMs)) };
      })(),
    releaseAttempt: async (attempt, clearKey) =>
      db.transaction(() => {
        for (const id of attempt) sessions.removeFailure(id);
        sessions.clearFailures(clearKey);
      })(),

    audit: async (entry, actor) => {
      audit.record(entry, actor);
    },
    auditLog: async (filter) => audit.list(filter),
    close: () => db.close(),
  };
}
