import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { postgresProgram } from "./postgres-tools.ts";

/**
 * A consistent copy of a live database with SQLite's online backup API: the server may keep
 * reading and writing while it runs. The copy is checked with `PRAGMA integrity_check`.
 */
export async function backupDatabase(
  sourcePath: string,
  destinationPath: string,
): Promise<{ pages: number }> {
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    const { totalPages } = await source.backup(destinationPath);
    const copy = new Database(destinationPath);
    try {
      // One self-contained file: the copy leaves WAL mode (restoring puts the server back in it).
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok")
        throw new Error(`the backup ${destinationPath} failed its integrity check: ${check}`);
    } finally {
      copy.close();
    }
    return { pages: totalPages };
  } finally {
    source.close();
  }
}

/** Puts a backup in place of the database; the server must be stopped. The old WAL files go with it. */
export function restoreDatabase(backupPath: string, databasePath: string): void {
  for (const suffix of ["-wal", "-shm"]) rmSync(`${databasePath}${suffix}`, { force: true });
  copyFileSync(backupPath, databasePath);
}

/** pg_dump in its custom format: a consistent snapshot while the app keeps writing. */
export function backupPostgres(url: string, destinationPath: string): void {
  execFileSync(postgresProgram("pg_dump"), ["--format=custom", `--file=${destinationPath}`, url], {
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** pg_restore of such a dump in place of the database's tables, in one transaction: all or nothing. */
export function restorePostgres(backupPath: string, url: string): void {
  execFileSync(
    postgresProgram("pg_restore"),
    ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${url}`, backupPath],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
}
