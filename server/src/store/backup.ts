import { copyFileSync, rmSync } from "node:fs";
import Database from "better-sqlite3";

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
