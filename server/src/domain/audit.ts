// What the audit log records: the same shape for the store that writes it and the pages that show it.

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
