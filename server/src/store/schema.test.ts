// Both engines' migrations make the same schema: every table, its columns and the indexes made by
// name. Each engine is compared with the one description below (npm test: SQLite; npm run test:pg:
// PostgreSQL), so a migration added to one folder and not the other fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmptyDatabase, TEST_ENGINE } from "../../test/testing.ts";
import type { Sql } from "./sql/sql.ts";
import { statement } from "./sql/sql.ts";

type Schema = Record<string, { columns: string[]; indexes: string[] }>;

/**
 * What one engine does with an index and the other in the table's own definition: usernames are
 * unique whatever their case, by `COLLATE NOCASE` on SQLite and by this index on PostgreSQL.
 */
const POSTGRES_ONLY_INDEXES = new Set(["users_username"]);

const SQLITE_TABLES = statement(
  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
);
const SQLITE_COLUMNS = statement("SELECT name FROM pragma_table_info(@table) ORDER BY name");
const SQLITE_INDEXES = statement(
  "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name",
);
const PG_TABLES = statement(
  "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
);
const PG_COLUMNS = statement(
  "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY 1",
);
// Indexes made by CREATE INDEX (not those PostgreSQL makes for a primary key or a UNIQUE constraint).
const PG_INDEXES = statement(
  `SELECT i.indexname AS name FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = @table
   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY 1`,
);

async function schemaOf(sql: Sql): Promise<Schema> {
  const pg = TEST_ENGINE === "postgres";
  const schema: Schema = {};
  for (const { name } of await sql.all<{ name: string }>(pg ? PG_TABLES : SQLITE_TABLES)) {
    const names = async (s: ReturnType<typeof statement>) =>
      (await sql.all<{ name: string }>(s, { table: name })).map((row) => row.name).sort();
    schema[name] = {
      columns: await names(pg ? PG_COLUMNS : SQLITE_COLUMNS),
      indexes: (await names(pg ? PG_INDEXES : SQLITE_INDEXES)).filter((i) => !POSTGRES_ONLY_INDEXES.has(i)),
    };
  }
  return schema;
}

describe(`the schema the migrations make on ${TEST_ENGINE}`, () => {
  it("is the one both engines share (server/src/store/schema.json)", async () => {
    const { sql, store } = await createEmptyDatabase();
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, "schema.json"), "utf8"));
    expect(await schemaOf(sql)).toEqual(expected);
    await store.close();
  });
});
