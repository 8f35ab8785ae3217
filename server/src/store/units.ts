import type { Unit, UnitKind } from "../domain/types.ts";
import { chunked, type Sql, statement } from "./sql/sql.ts";

interface UnitRow {
  id: string;
  name: string;
  kind: UnitKind;
  parent_id: string | null;
}

const ALL = statement("SELECT id, name, kind, parent_id FROM units ORDER BY id");
// Units travel as one JSON array, in order: parents before their children.
const UPSERT = statement(
  (d) => `INSERT INTO units (id, name, kind, parent_id)
   SELECT value ->> 'id', value ->> 'name', value ->> 'kind', value ->> 'parentId' FROM ${d.objects("@units")} WHERE true
   ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id`,
);

export const unitStatements = {
  all: async (sql: Sql): Promise<Unit[]> =>
    (await sql.all<UnitRow>(ALL)).map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      parentId: row.parent_id,
    })),
  /** Parents must come before their children. */
  upsertMany: async (sql: Sql, list: readonly Unit[]) => {
    // One row per id, as the last in the list has it (a statement cannot change a row twice).
    const units = [...new Map(list.map((unit) => [unit.id, unit])).values()];
    for (const chunk of chunked(units)) await sql.run(UPSERT, { units: JSON.stringify(chunk) });
  },
};
