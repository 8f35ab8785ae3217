import type { User } from "../../domain/roles.ts";
import type { Actor } from "../audit.ts";
import { type SessionSummary, sessionStatements as sessions } from "../sessions.ts";
import { type SecuritySettings, settingStatements as settings } from "../settings.ts";
import type { Sql } from "../sql/sql.ts";
import { type NewUser, type SecondFactor, type UserChanges, userStatements as users } from "../users.ts";
import type { StoreContext } from "./context.ts";

export interface AttemptLimit {
  key: string;
  max: number;
  windowMs: number;
}

export type AttemptClaim =
  | { ok: true; attempt: number[] }
  /** `firstRefusal`: the first refusal under this key in the window (audited; later ones are only counted). */
  | { ok: false; key: string; retryAfterMs: number; firstRefusal: boolean };

/** Users, their sessions, and the attempts counted against throttles. */
export interface UserArea {
  countUsers(): Promise<number>;
  /** The user and the password hash to check a login against. */
  findUserForLogin(username: string): Promise<{ user: User; passwordHash: string } | undefined>;
  getUser(id: number): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  createUser(user: NewUser, actor: Actor): Promise<User>;
  /** Makes every account of a list in one transaction (each audited), or none. */
  createUsers(list: readonly NewUser[], actor: Actor): Promise<User[]>;
  /** Changes a user (audited); disabling or a new password ends every session of the user. */
  updateUser(id: number, changes: UserChanges, actor: Actor): Promise<User>;

  /** Which roles must use a second factor. */
  securitySettings(): Promise<SecuritySettings>;
  /** Changes them (audited). */
  updateSecuritySettings(next: SecuritySettings, actor: Actor): Promise<SecuritySettings>;
  secondFactor(userId: number): Promise<SecondFactor>;
  /** Keeps a new secret, not yet confirmed (enrolment's first step; an enrolled account keeps its own). */
  beginSecondFactor(userId: number, secret: string): Promise<void>;
  /** Confirms the secret with the step of the code given, and keeps the recovery codes' hashes (audited). */
  confirmSecondFactor(
    userId: number,
    step: number,
    codeHashes: readonly string[],
    actor: Actor,
  ): Promise<void>;
  /** Accepts a code's time step once: false when that step (or a later one) was already used. */
  acceptStep(userId: number, step: number): Promise<boolean>;
  /** Spends a recovery code: false when it is unknown or was used. */
  useRecoveryCode(userId: number, codeHash: string, at: string): Promise<boolean>;
  recoveryCodesLeft(userId: number): Promise<number>;
  /** Removes the second factor and its recovery codes and ends the user's sessions (audited). */
  resetSecondFactor(userId: number, actor: Actor): Promise<void>;

  createSession(
    idHash: string,
    userId: number,
    nowMs: number,
    seen: { agent: string | null; ip: string | null },
  ): Promise<void>;
  /** The user's sessions, the latest seen first; `handle` names one without giving its id away. */
  listSessions(userId: number): Promise<(SessionSummary & { idHash: string })[]>;
  /** Ends every session of the user but `keepHash`; how many ended. */
  endOtherSessions(userId: number, keepHash: string): Promise<number>;
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
}

export function userArea(ctx: StoreContext): UserArea {
  const existing = async (tx: Sql, id: number) => {
    const user = await users.byId(tx, id);
    if (!user) throw new Error(`no user ${id}`);
    return user;
  };
  return {
    countUsers: () => users.count(ctx.sql),
    findUserForLogin: (username) => users.byName(ctx.sql, username),
    getUser: (id) => users.byId(ctx.sql, id),
    listUsers: () => users.all(ctx.sql),
    createUser: (user, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const created = await existing(tx, await users.insert(tx, user));
        log({
          action: "user.create",
          entity: "user",
          entityId: String(created.id),
          unitId: created.unitId,
          after: created,
        });
        return created;
      }),
    createUsers: (list, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const created: User[] = [];
        for (const user of list) {
          const made = await existing(tx, await users.insert(tx, user));
          log({
            action: "user.create",
            entity: "user",
            entityId: String(made.id),
            unitId: made.unitId,
            after: { ...made, fromList: true },
          });
          created.push(made);
        }
        return created;
      }),
    updateUser: (id, changes, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const before = await existing(tx, id);
        await users.update(tx, id, changes);
        const after = await existing(tx, id);
        if (changes.disabled || changes.passwordHash) await sessions.removeForUser(tx, id);
        const shown = changes.passwordHash ? { ...after, passwordChanged: true } : after;
        log({
          action: "user.update",
          entity: "user",
          entityId: String(id),
          unitId: after.unitId,
          before,
          after: shown,
        });
        return after;
      }),

    securitySettings: () => settings.security(ctx.sql),
    updateSecuritySettings: (next, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const before = await settings.security(tx);
        await settings.setSecurity(tx, next);
        const after = await settings.security(tx);
        log({ action: "settings.security", entity: "settings", entityId: "1", before, after });
        return after;
      }),
    secondFactor: (userId) => users.secondFactor(ctx.sql, userId),
    beginSecondFactor: async (userId, secret) => {
      await users.setSecondFactor(ctx.sql, userId, { secret, confirmedAt: null, lastStep: 0 });
    },
    confirmSecondFactor: (userId, step, codeHashes, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const { secret } = await users.secondFactor(tx, userId);
        await users.setSecondFactor(tx, userId, { secret, confirmedAt: actor.at, lastStep: step });
        await users.replaceRecoveryCodes(tx, userId, codeHashes);
        log({ action: "user.second_factor_enrol", entity: "user", entityId: String(userId) });
      }),
    acceptStep: (userId, step) => users.acceptStep(ctx.sql, userId, step),
    useRecoveryCode: (userId, codeHash, at) => users.useRecoveryCode(ctx.sql, userId, codeHash, at),
    recoveryCodesLeft: (userId) => users.recoveryCodesLeft(ctx.sql, userId),
    resetSecondFactor: (userId, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const user = await existing(tx, userId);
        await users.setSecondFactor(tx, userId, { secret: null, confirmedAt: null, lastStep: 0 });
        await users.replaceRecoveryCodes(tx, userId, []);
        await sessions.removeForUser(tx, userId);
        log({
          action: "user.second_factor_reset",
          entity: "user",
          entityId: String(userId),
          unitId: user.unitId,
          before: { secondFactor: user.secondFactor },
        });
      }),

    createSession: async (idHash, userId, nowMs, seen) => {
      await sessions.insert(ctx.sql, idHash, userId, nowMs, seen);
    },
    listSessions: async (userId) =>
      (await sessions.ofUser(ctx.sql, userId)).map((row) => ({ ...row, handle: row.idHash.slice(0, 16) })),
    endOtherSessions: async (userId, keepHash) =>
      (await sessions.removeOthers(ctx.sql, userId, keepHash)).changes,
    findSession: async (idHash) => {
      const row = await sessions.find(ctx.sql, idHash);
      return (
        row && {
          userId: Number(row.user_id),
          createdMs: Number(row.created_ms),
          lastSeenMs: Number(row.last_seen_ms),
        }
      );
    },
    touchSession: async (idHash, nowMs) => {
      await sessions.touch(ctx.sql, idHash, nowMs);
    },
    endSession: async (idHash) => {
      await sessions.remove(ctx.sql, idHash);
    },
    endUserSessions: async (userId) => {
      await sessions.removeForUser(ctx.sql, userId);
    },

    // One claim at a time across every process: the count and the insert must not interleave.
    claimAttempt: (limits, nowMs) =>
      ctx.sql.transaction(async (tx): Promise<AttemptClaim> => {
        await sessions.pruneFailures(tx, nowMs - 86_400_000);
        for (const limit of limits) {
          const { count, oldest } = await sessions.failures(tx, limit.key, nowMs - limit.windowMs);
          if (count >= limit.max && oldest !== null) {
            const refusals = `throttled:${limit.key}`;
            const firstRefusal = (await sessions.failures(tx, refusals, nowMs - limit.windowMs)).count === 0;
            // Only the first refusal is written: a flood of refusals then reads and never waits on the disk.
            if (firstRefusal) await sessions.addFailure(tx, refusals, nowMs);
            return {
              ok: false,
              key: limit.key,
              retryAfterMs: Number(oldest) + limit.windowMs - nowMs,
              firstRefusal,
            };
          }
        }
        const attempt: number[] = [];
        for (const limit of limits) attempt.push(await sessions.addFailure(tx, limit.key, nowMs));
        return { ok: true, attempt };
      }, "attempts"),
    releaseAttempt: (attempt, clearKey) =>
      ctx.sql.transaction(async (tx) => {
        for (const id of attempt) await sessions.removeFailure(tx, id);
        await sessions.clearFailures(tx, clearKey);
      }),
  };
}
