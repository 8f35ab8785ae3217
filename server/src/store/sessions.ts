import type Database from "better-sqlite3";

export interface SessionRow {
  user_id: number;
  created_ms: number;
  last_seen_ms: number;
}

export function sessionStatements(db: Database.Database) {
  const insert = db.prepare(
    "INSERT INTO sessions (id_hash, user_id, created_ms, last_seen_ms) VALUES (?, ?, ?, ?)",
  );
  const find = db.prepare<[string], SessionRow>(
    "SELECT user_id, created_ms, last_seen_ms FROM sessions WHERE id_hash = ?",
  );
  const touch = db.prepare("UPDATE sessions SET last_seen_ms = ? WHERE id_hash = ?");
  const remove = db.prepare("DELETE FROM sessions WHERE id_hash = ?");
  const removeForUser = db.prepare("DELETE FROM sessions WHERE user_id = ?");
  const addFailure = db.prepare("INSERT INTO login_failures (key, at_ms) VALUES (?, ?)");
  const failures = db.prepare<[string, number], { count: number; oldest: number | null }>(
    "SELECT count(*) AS count, min(at_ms) AS oldest FROM login_failures WHERE key = ? AND at_ms > ?",
  );
  const clearFailures = db.prepare("DELETE FROM login_failures WHERE key = ?");
  const removeFailure = db.prepare("DELETE FROM login_failures WHERE rowid = ?");
  const pruneFailures = db.prepare("DELETE FROM login_failures WHERE at_ms < ?");
  return {
    insert: (idHash: string, userId: number, nowMs: number) => insert.run(idHash, userId, nowMs, nowMs),
    find: (idHash: string) => find.get(idHash),
    touch: (idHash: string, nowMs: number) => touch.run(nowMs, idHash),
    remove: (idHash: string) => remove.run(idHash),
    removeForUser: (userId: number) => removeForUser.run(userId),
    addFailure: (key: string, nowMs: number) => Number(addFailure.run(key, nowMs).lastInsertRowid),
    removeFailure: (id: number) => removeFailure.run(id),
    failures: (key: string, sinceMs: number) =>
      failures.get(key, sinceMs) as { count: number; oldest: number | null },
    clearFailures: (key: string) => clearFailures.run(key),
    pruneFailures: (beforeMs: number) => pruneFailures.run(beforeMs),
  };
}
