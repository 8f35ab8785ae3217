import type Database from "better-sqlite3";
import type { Unit, UnitKind } from "../domain/types.ts";

interface UnitRow {
  id: string;
  name: string;
  kind: UnitKind;
  parent_id: string | null;
}

export function unitStatements(db: Database.Database) {
  const all = db.prepare<[], UnitRow>("SELECT id, name, kind, parent_id FROM units ORDER BY id");
  const insert = db.prepare(
    "INSERT INTO units (id, name, kind, parent_id) VALUES (@id, @name, @kind, @parentId) " +
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id",
  );
  return {
    all: (): Unit[] =>
      all.all().map((row) => ({ id: row.id, name: row.name, kind: row.kind, parentId: row.parent_id })),
    /** Parents must come before their children. */
    upsertMany: db.transaction((units: readonly Unit[]) => {
      for (const unit of units) insert.run(unit);
    }),
  };
}
