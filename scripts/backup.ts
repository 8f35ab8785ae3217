// npm run backup [-- DEST.db]: a consistent copy of DATABASE_PATH while the server runs.
// npm run backup -- --restore BACKUP.db: puts a backup in place (stop the server first).
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../server/src/config.ts";
import { backupDatabase, restoreDatabase } from "../server/src/store/backup.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { restore: { type: "string" } },
});
const config = loadConfig();
if (values.restore) {
  if (!existsSync(values.restore)) throw new Error(`no backup at ${values.restore}`);
  restoreDatabase(values.restore, config.databasePath);
  console.log(`Restored ${values.restore} to ${config.databasePath}`);
} else {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const destination = positionals[0] ?? join(dirname(config.databasePath), "backups", `tracker-${stamp}.db`);
  mkdirSync(dirname(destination), { recursive: true });
  const { pages } = await backupDatabase(config.databasePath, destination);
  console.log(`Backed up ${config.databasePath} to ${destination} (${pages} pages, integrity ok)`);
}
