import type { User } from "../../auth/roles.ts";
import type { Actor } from "../audit.ts";
import { sessionStatements } from "../sessions.ts";
import { type NewUser, type UserChanges, userStatements } from "../users.ts";
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
}

export function userArea(ctx: StoreContext): UserArea {
  const users = userStatements(ctx.db);
  const sessions = sessionStatements(ctx.db);
  const existing = (id: number) => {
    const user = users.byId(id);
    if (!user) throw new Error(`no user ${id}`);
    return user;
  };
  return {
    countUsers: async () => users.count(),
    findUserForLogin: async (username) => users.byName(username),
    getUser: async (id) => users.byId(id),
    listUsers: async () => users.all(),
    createUser: async (user, actor) =>
      ctx.audited(actor, (log) => {
        const created = existing(users.insert(user));
        log({
          action: "user.create",
          entity: "user",
          entityId: String(created.id),
          unitId: created.unitId,
          after: created,
        });
        return created;
      }),
    updateUser: async (id, changes, actor) =>
      ctx.audited(actor, (log) => {
        const before = existing(id);
        users.update(id, changes);
        const after = existing(id);
        if (changes.disabled || changes.passwordHash) sessions.removeForUser(id);
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
      ctx.db.transaction((): AttemptClaim => {
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
      ctx.db.transaction(() => {
        for (const id of attempt) sessions.removeFailure(id);
        sessions.clearFailures(clearKey);
      })(),
  };
}
