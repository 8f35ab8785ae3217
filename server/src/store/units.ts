import type { Unit, UnitKind } from "../domain/types.ts";
import type { Lineage } from "../domain/unit-history.ts";
import { chunked, type Sql, statement } from "./sql/sql.ts";

interface VersionRow {
  id: string;
  valid_from: string;
  valid_to: string | null;
  name: string;
  kind: UnitKind;
  parent_id: string | null;
}

interface LineageRow {
  date: string;
  from_id: string;
  to_id: string;
  share: number | null;
}

const ALL = statement(
  "SELECT id, valid_from, valid_to, name, kind, parent_id FROM unit_versions ORDER BY id, valid_from",
);
const LINEAGE = statement(
  "SELECT date, from_id, to_id, share FROM unit_lineage ORDER BY date, to_id, from_id",
);
// Units travel as one JSON array, in order: parents before their children.
const ADD_CODES = statement(
  (d) => `INSERT INTO units (id) SELECT DISTINCT value ->> 'id' FROM ${d.objects("@units")} WHERE true
   ON CONFLICT (id) DO NOTHING`,
);
const UPSERT = statement(
  (d) => `INSERT INTO unit_versions (id, valid_from, valid_to, name, kind, parent_id)
   SELECT value ->> 'id', coalesce(value ->> 'validFrom', ''), value ->> 'validTo', value ->> 'name',
     value ->> 'kind', value ->> 'parentId' FROM ${d.objects("@units")} WHERE true
   ON CONFLICT (id, valid_from) DO UPDATE SET name = excluded.name, kind = excluded.kind,
     parent_id = excluded.parent_id, valid_to = excluded.valid_to`,
);
const ADD_LINEAGE = statement(
  (d) => `INSERT INTO unit_lineage (date, from_id, to_id, share)
   SELECT value ->> 'date', value ->> 'from', value ->> 'to', CAST(value ->> 'share' AS DOUBLE PRECISION)
   FROM ${d.objects("@links")} WHERE true
   ON CONFLICT (date, from_id, to_id) DO UPDATE SET share = excluded.share`,
);

const toUnit = (row: VersionRow): Unit => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  parentId: row.parent_id,
  validFrom: row.valid_from === "" ? null : row.valid_from,
  validTo: row.valid_to,
});

/** A version as the statements take it: `validFrom` null is the start. */
const toJson = (unit: Unit) => ({
  id: unit.id,
  name: unit.name,
  kind: unit.kind,
  parentId: unit.parentId,
  validFrom: unit.validFrom ?? null,
  validTo: unit.validTo ?? null,
});

export const unitStatements = {
  all: async (sql: Sql): Promise<Unit[]> => (await sql.all<VersionRow>(ALL)).map(toUnit),
  lineage: async (sql: Sql): Promise<Lineage[]> =>
    (await sql.all<LineageRow>(LINEAGE)).map((row) => ({
      date: row.date,
      from: row.from_id,
      to: row.to_id,
      share: row.share === null ? null : Number(row.share),
    })),
  /** Adds versions, or renames, moves or ends existing ones (a version is its code and validFrom). */
  upsertMany: async (sql: Sql, list: readonly Unit[]) => {
    // One row per version, as the last in the list has it (a statement cannot change a row twice).
    const units = [
      ...new Map(list.map((unit) => [`${unit.id}@${unit.validFrom ?? ""}`, toJson(unit)])).values(),
    ];
    for (const chunk of chunked(units)) await sql.run(ADD_CODES, { units: JSON.stringify(chunk) });
    for (const chunk of chunked(units)) await sql.run(UPSERT, { units: JSON.stringify(chunk) });
  },
  addLineage: async (sql: Sql, links: readonly Lineage[]) => {
    for (const chunk of chunked(links)) await sql.run(ADD_LINEAGE, { links: JSON.stringify(chunk) });
  },
};
