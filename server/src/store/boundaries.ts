import { chunked, type Sql, statement } from "./sql/sql.ts";

/** A unit version's boundary: a GeoJSON Polygon or MultiPolygon geometry. */
export interface Boundary {
  unitId: string;
  validFrom: string | null;
  geometry: unknown;
}

/** A stored boundary as its JSON text, served as it is (never parsed again). */
export interface StoredBoundary {
  unitId: string;
  validFrom: string | null;
  geometryJson: string;
}

const OF = statement(
  (d) => `SELECT b.unit_id, b.valid_from, b.geometry FROM ${d.objects("@keys")}
  JOIN unit_boundaries b ON b.unit_id = value ->> 'unitId' AND b.valid_from = value ->> 'validFrom'`,
);
const SAVE = statement(
  (d) => `INSERT INTO unit_boundaries (unit_id, valid_from, geometry)
  SELECT value ->> 'unitId', value ->> 'validFrom', value ->> 'geometry' FROM ${d.objects("@rows")} WHERE true
  ON CONFLICT (unit_id, valid_from) DO UPDATE SET geometry = excluded.geometry`,
);

const REMOVE = statement(
  (d) => `DELETE FROM unit_boundaries WHERE EXISTS (SELECT 1 FROM ${d.objects("@keys")}
    WHERE unit_boundaries.unit_id = value ->> 'unitId' AND unit_boundaries.valid_from = value ->> 'validFrom')`,
);

export const boundaryStatements = {
  of: async (
    sql: Sql,
    versions: readonly { id: string; validFrom?: string | null }[],
  ): Promise<StoredBoundary[]> => {
    const found: StoredBoundary[] = [];
    for (const chunk of chunked(versions)) {
      const keys = JSON.stringify(chunk.map((v) => ({ unitId: v.id, validFrom: v.validFrom ?? "" })));
      for (const row of await sql.all<{ unit_id: string; valid_from: string; geometry: string }>(OF, {
        keys,
      }))
        found.push({
          unitId: row.unit_id,
          validFrom: row.valid_from || null,
          geometryJson: row.geometry,
        });
    }
    return found;
  },
  /** Removes the boundaries of these unit versions; how many there were. */
  remove: async (sql: Sql, versions: readonly { id: string; validFrom?: string | null }[]) => {
    let removed = 0;
    for (const chunk of chunked(versions)) {
      const keys = JSON.stringify(chunk.map((v) => ({ unitId: v.id, validFrom: v.validFrom ?? "" })));
      removed += (await sql.run(REMOVE, { keys })).changes;
    }
    return removed;
  },
  save: async (sql: Sql, boundaries: readonly Boundary[]) => {
    const rows = boundaries.map((b) => ({
      unitId: b.unitId,
      validFrom: b.validFrom ?? "",
      geometry: JSON.stringify(b.geometry),
    }));
    for (const chunk of chunked(rows, 500)) await sql.run(SAVE, { rows: JSON.stringify(chunk) });
  },
};
