import { type Sql, statement } from "./sql/sql.ts";

export interface SessionRow {
  user_id: number;
  created_ms: number;
  last_seen_ms: number;
}

/** A session as its user sees it: never its id, only a handle derived from the id's hash. */
export interface SessionSummary {
  handle: string;
  createdMs: number;
  lastSeenMs: number;
  agent: string | null;
  ip: string | null;
}

const INSERT = statement(
  `INSERT INTO sessions (id_hash, user_id, created_ms, last_seen_ms, agent, ip)
   VALUES (@idHash, @userId, @nowMs, @nowMs, @agent, @ip)`,
);
const OF_USER = statement(
  `SELECT id_hash, created_ms, last_seen_ms, agent, ip FROM sessions WHERE user_id = @userId
   ORDER BY last_seen_ms DESC`,
);
const REMOVE_OTHERS = statement("DELETE FROM sessions WHERE user_id = @userId AND id_hash <> @keep");
const FIND = statement("SELECT user_id, created_ms, last_seen_ms FROM sessions WHERE id_hash = @idHash");
const TOUCH = statement("UPDATE sessions SET last_seen_ms = @nowMs WHERE id_hash = @idHash");
const REMOVE = statement("DELETE FROM sessions WHERE id_hash = @idHash");
const REMOVE_FOR_USER = statement("DELETE FROM sessions WHERE user_id = @userId");
const ADD_FAILURE = statement("INSERT INTO login_failures (key, at_ms) VALUES (@key, @nowMs) RETURNING id");
const FAILURES = statement(
  "SELECT count(*) AS count, min(at_ms) AS oldest FROM login_failures WHERE key = @key AND at_ms > @sinceMs",
);
const CLEAR_FAILURES = statement("DELETE FROM login_failures WHERE key = @key");
const REMOVE_FAILURE = statement("DELETE FROM login_failures WHERE id = @id");
const PRUNE_FAILURES = statement("DELETE FROM login_failures WHERE at_ms < @beforeMs");

export const sessionStatements = {
  insert: (
    sql: Sql,
    idHash: string,
    userId: number,
    nowMs: number,
    seen: { agent: string | null; ip: string | null },
  ) => sql.run(INSERT, { idHash, userId, nowMs, agent: seen.agent, ip: seen.ip }),
  ofUser: async (sql: Sql, userId: number) =>
    (
      await sql.all<{
        id_hash: string;
        created_ms: number;
        last_seen_ms: number;
        agent: string | null;
        ip: string | null;
      }>(OF_USER, { userId })
    ).map((row) => ({
      idHash: row.id_hash,
      createdMs: Number(row.created_ms),
      lastSeenMs: Number(row.last_seen_ms),
      agent: row.agent,
      ip: row.ip,
    })),
  removeOthers: (sql: Sql, userId: number, keep: string) => sql.run(REMOVE_OTHERS, { userId, keep }),
  find: (sql: Sql, idHash: string) => sql.get<SessionRow>(FIND, { idHash }),
  touch: (sql: Sql, idHash: string, nowMs: number) => sql.run(TOUCH, { idHash, nowMs }),
  remove: (sql: Sql, idHash: string) => sql.run(REMOVE, { idHash }),
  removeForUser: (sql: Sql, userId: number) => sql.run(REMOVE_FOR_USER, { userId }),
  addFailure: async (sql: Sql, key: string, nowMs: number) =>
    Number((await sql.get<{ id: number }>(ADD_FAILURE, { key, nowMs }))?.id),
  removeFailure: (sql: Sql, id: number) => sql.run(REMOVE_FAILURE, { id }),
  failures: async (sql: Sql, key: string, sinceMs: number) =>
    (await sql.get<{ count: number; oldest: number | null }>(FAILURES, { key, sinceMs })) ?? {
      count: 0,
      oldest: null,
    },
  clearFailures: (sql: Sql, key: string) => sql.run(CLEAR_FAILURES, { key }),
  pruneFailures: (sql: Sql, beforeMs: number) => sql.run(PRUNE_FAILURES, { beforeMs }),
};
