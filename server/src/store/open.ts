import Database from "better-sqlite3";

/** Opens (or creates) the database with the settings every connection needs. */
export function openDatabase(path: string | Buffer): Database.Database {
  const db = new Database(path);
  if (typeof path === "string" && path !== ":memory:") db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  return db;
}
