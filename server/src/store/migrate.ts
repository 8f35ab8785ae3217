import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import type pg from "pg";
import type { Engine } from "./sql/sql.ts";

/** One folder of migrations per engine, version for version the same schema. */
export const migrationsDir = (engine: Engine) => join(import.meta.dirname, "migrations", engine);
const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** A migration's fingerprint: the SHA-256 of its text (line endings as written on any machine). */
export const checksumOf = (migration: Migration) =>
  createHash("sha256").update(migration.sql.replace(/\r\n/g, "\n")).digest("hex");

/**
 * Stops the start when a migration already applied to this database was changed since: the schema
 * would no longer be what the files say. Applied migrations recorded before checksums were kept
 * take the file's checksum now.
 */
function checkApplied(
  migrations: readonly Migration[],
  applied: readonly { version: number; checksum: string | null }[],
): { version: number; checksum: string }[] {
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  const adopted: { version: number; checksum: string }[] = [];
  for (const row of applied) {
    const migration = byVersion.get(Number(row.version));
    if (!migration) continue;
    const checksum = checksumOf(migration);
    if (row.checksum === null) adopted.push({ version: migration.version, checksum });
    else if (row.checksum !== checksum) {
      throw new Error(
        `The migration ${migration.name} was changed after it was applied to this database: put the file back as it was, and make the change in a new migration.`,
      );
    }
  }
  return adopted;
}

export function readMigrations(dir = migrationsDir("sqlite")): Migration[] {
  return readdirSync(dir)
    .filter((name) => FILE_NAME.test(name))
    .sort()
    .map((name) => ({
      version: Number(FILE_NAME.exec(name)?.[1]),
      name,
      sql: readFileSync(join(dir, name), "utf8"),
    }));
}

/** Applies every pending migration in one transaction and records each version; returns those applied. */
export function migrate(db: Database.Database, migrations = readMigrations()): Migration[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))) STRICT`);
  const columns = db.prepare("SELECT name FROM pragma_table_info('schema_migrations')").pluck().all();
  if (!columns.includes("checksum")) db.exec("ALTER TABLE schema_migrations ADD COLUMN checksum TEXT");
  const rows = db.prepare("SELECT version, checksum FROM schema_migrations").all() as {
    version: number;
    checksum: string | null;
  }[];
  const adopt = db.prepare("UPDATE schema_migrations SET checksum = ? WHERE version = ?");
  for (const { version, checksum } of checkApplied(migrations, rows)) adopt.run(checksum, version);
  const applied = new Set(rows.map((row) => Number(row.version)));
  const pending = migrations.filter((m) => !applied.has(m.version));
  if (pending.length === 0) return pending;
  const record = db.prepare("INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)");
  // As SQLite's own procedure for rebuilding a table: foreign keys off during the change (it cannot be
  // switched inside a transaction), every reference checked before the commit.
  const enforced = db.pragma("foreign_keys", { simple: true }) === 1;
  db.pragma("foreign_keys = OFF");
  try {
    db.transaction(() => {
      for (const migration of pending) {
        db.exec(migration.sql);
        record.run(migration.version, migration.name, checksumOf(migration));
      }
      const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
      if (broken.length > 0) {
        throw new Error(
          `the migrations leave ${broken.length} rows pointing nowhere (first: ${broken[0]?.table} → ${broken[0]?.parent})`,
        );
      }
    })();
  } finally {
    if (enforced) db.pragma("foreign_keys = ON");
  }
  return pending;
}

/**
 * The same on PostgreSQL, whose DDL is transactional: every pending migration in one transaction.
 * Processes starting together take turns on an advisory lock, so each migration runs once.
 */
export async function migratePostgres(
  client: pg.ClientBase,
  migrations = readMigrations(migrationsDir("postgres")),
): Promise<Migration[]> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('vneid-tracker migrations'))");
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    await client.query("ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum TEXT");
    const { rows } = await client.query<{ version: number; checksum: string | null }>(
      "SELECT version, checksum FROM schema_migrations",
    );
    for (const { version, checksum } of checkApplied(migrations, rows))
      await client.query("UPDATE schema_migrations SET checksum = $1 WHERE version = $2", [
        checksum,
        version,
      ]);
    const applied = new Set(rows.map((row) => Number(row.version)));
    const pending = migrations.filter((m) => !applied.has(m.version));
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [
        migration.version,
        migration.name,
        checksumOf(migration),
      ]);
    }
    await client.query("COMMIT");
    return pending;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
