// npm run backup [-- DEST]: a consistent copy of the database while the server runs: of DATABASE_PATH
// with SQLite's online backup, or with DATABASE_URL by pg_dump (custom format).
// npm run backup -- --restore BACKUP: puts a backup in place (stop the server first); pg_restore on PostgreSQL.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { databaseLabel, loadConfig } from "../server/src/config.ts";
import {
  backupDatabase,
  backupPostgres,
  restoreDatabase,
  restorePostgres,
} from "../server/src/store/backup.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { restore: { type: "string" } },
});
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
if (config.databaseUrl) {
  const label = databaseLabel(config);
  if (values.restore) {
    if (!existsSync(values.restore)) throw new Error(`no backup at ${values.restore}`);
    restorePostgres(values.restore, config.databaseUrl);
    console.log(`Restored ${values.restore} to ${label}`);
  } else {
    const destination =
      positionals[0] ?? join(dirname(config.databasePath), "backups", `tracker-${stamp}.dump`);
    mkdirSync(dirname(destination), { recursive: true });
    backupPostgres(config.databaseUrl, destination);
    console.log(`Backed up ${label} to ${destination} (pg_dump, custom format)`);
  }
} else if (values.restore) {
  if (!existsSync(values.restore)) throw new Error(`no backup at ${values.restore}`);
  restoreDatabase(values.restore, config.databasePath);
  console.log(`Restored ${values.restore} to ${config.databasePath}`);
} else {
  const destination = positionals[0] ?? join(dirname(config.databasePath), "backups", `tracker-${stamp}.db`);
  mkdirSync(dirname(destination), { recursive: true });
  const { pages } = await backupDatabase(config.databasePath, destination);
  console.log(`Backed up ${config.databasePath} to ${destination} (${pages} pages, integrity ok)`);
}
