// Databases for the tests on PostgreSQL (npm run test:pg): one per store, copied from a template
// that is built once per run and kept while the run lasts.
import { databaseUrl, withClient } from "../src/store/postgres-tools.ts";

const PREFIX = "vneid_test_";
let made = 0;

/**
 * A new database on the server `url` names, and its URL: empty, or a copy of the template `name`
 * that `seed` fills (made by the first test to ask, while the others wait on a lock).
 */
export async function createTestDatabase(
  url: string,
  template: { name: string; seed: (url: string) => Promise<void> } | null,
): Promise<string> {
  const database = `${PREFIX}${process.pid}_${++made}`;
  await withClient(url, async (client) => {
    if (!template) {
      await client.query(`CREATE DATABASE ${database}`);
      return;
    }
    const source = `${PREFIX}template_${template.name}`;
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [source]);
    try {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [source]);
      if (rowCount === 0) {
        const building = `${source}_building`;
        await client.query(`DROP DATABASE IF EXISTS ${building}`);
        await client.query(`CREATE DATABASE ${building}`);
        await template.seed(databaseUrl(url, building));
        await client.query(`ALTER DATABASE ${building} RENAME TO ${source}`);
      }
      await client.query(`CREATE DATABASE ${database} TEMPLATE ${source}`);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [source]);
    }
  });
  return databaseUrl(url, database);
}

/** Drops every database an earlier run of the tests left on the server (the templates too). */
export async function dropTestDatabases(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${PREFIX}%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE ${datname} WITH (FORCE)`);
    return rows.length;
  });
}
