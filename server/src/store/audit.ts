import type { Actor, AuditEntry, AuditRecord } from "../domain/audit.ts";
import { addDays } from "../domain/dates.ts";
import { chunked, type Sql, statement } from "./sql/sql.ts";

export type { Actor, AuditEntry, AuditRecord };

export interface AuditFilter {
  username?: string;
  unitId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
}

interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  unit_id: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

// Entries travel as one JSON array; `before` and `after` are JSON texts inside it.
const INSERT = statement(
  (d) => `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, unit_id, before, after, ip)
   SELECT CAST(@at AS TEXT), CAST(@userId AS BIGINT), CAST(@username AS TEXT), value ->> 'action', value ->> 'entity',
     value ->> 'entityId', value ->> 'unitId', value ->> 'before', value ->> 'after', CAST(@ip AS TEXT)
   FROM ${d.objects("@entries")}`,
);
// `before` is the day after the filter's `to`: entries of that whole day are included.
const LIST = statement(
  `SELECT * FROM audit_log
   WHERE (CAST(@username AS TEXT) IS NULL OR lower(username) = lower(@username))
     AND (CAST(@unitId AS TEXT) IS NULL OR unit_id = @unitId)
     AND (CAST(@action AS TEXT) IS NULL OR action = @action OR action LIKE @action || '.%')
     AND (CAST(@from AS TEXT) IS NULL OR at >= @from)
     AND (CAST(@before AS TEXT) IS NULL OR at < @before)
   ORDER BY id DESC LIMIT @limit`,
);

export const auditStatements = {
  record: async (sql: Sql, entries: readonly AuditEntry[], actor: Actor) => {
    // Entries carry whole reports before and after: smaller chunks than the reports' own.
    for (const list of chunked(entries, 1_000)) {
      const chunk = list.map((entry) => ({
        action: entry.action,
        entity: entry.entity ?? null,
        entityId: entry.entityId ?? null,
        unitId: entry.unitId ?? null,
        before: json(entry.before),
        after: json(entry.after),
      }));
      await sql.run(INSERT, {
        at: actor.at,
        userId: actor.userId,
        username: actor.username,
        ip: actor.ip,
        entries: JSON.stringify(chunk),
      });
    }
  },
  list: async (sql: Sql, filter: AuditFilter): Promise<AuditRecord[]> =>
    (
      await sql.all<AuditRow>(LIST, {
        username: filter.username ?? null,
        unitId: filter.unitId ?? null,
        action: filter.action ?? null,
        from: filter.from ?? null,
        before: filter.to ? addDays(filter.to, 1) : null,
        limit: filter.limit,
      })
    ).map((row) => ({
      id: Number(row.id),
      at: row.at,
      userId: row.user_id === null ? null : Number(row.user_id),
      username: row.username,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      unitId: row.unit_id,
      before: row.before === null ? null : JSON.parse(row.before),
      after: row.after === null ? null : JSON.parse(row.after),
      ip: row.ip,
    })),
};
