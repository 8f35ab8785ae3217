import type Database from "better-sqlite3";

/** Who did something, from where, and when (UTC, ISO 8601). */
export interface Actor {
  userId: number | null;
  username: string | null;
  ip: string | null;
  at: string;
}

export interface AuditEntry {
  action: string;
  entity?: string;
  entityId?: string;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditRecord {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  unitId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

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

export function auditStatements(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, unit_id, before, after, ip)
     VALUES (@at, @userId, @username, @action, @entity, @entityId, @unitId, @before, @after, @ip)`,
  );
  // `to` is a day: entries of that whole day are included.
  const list = db.prepare<Record<string, unknown>, AuditRow>(
    `SELECT * FROM audit_log
     WHERE (@username IS NULL OR username = @username COLLATE NOCASE)
       AND (@unitId IS NULL OR unit_id = @unitId)
       AND (@action IS NULL OR action = @action OR action LIKE @action || '.%')
       AND (@from IS NULL OR at >= @from)
       AND (@to IS NULL OR at < date(@to, '+1 day'))
     ORDER BY id DESC LIMIT @limit`,
  );
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return {
    record: (entry: AuditEntry, actor: Actor) =>
      insert.run({
        at: actor.at,
        userId: actor.userId,
        username: actor.username,
        ip: actor.ip,
        action: entry.action,
        entity: entry.entity ?? null,
        entityId: entry.entityId ?? null,
        unitId: entry.unitId ?? null,
        before: json(entry.before),
        after: json(entry.after),
      }),
    list: (filter: AuditFilter): AuditRecord[] =>
      list
        .all({
          username: filter.username ?? null,
          unitId: filter.unitId ?? null,
          action: filter.action ?? null,
          from: filter.from ?? null,
          to: filter.to ?? null,
          limit: filter.limit,
        })
        .map((row) => ({
          id: row.id,
          at: row.at,
          userId: row.user_id,
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
}
