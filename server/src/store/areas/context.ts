import type Database from "better-sqlite3";
import type { UnitTree } from "../../domain/tree.ts";
import { type Actor, type AuditEntry, auditStatements } from "../audit.ts";

/**
 * What the areas of the store share: the database, the one audited write, and the one cache.
 *
 * Caching, in one place and with one rule: what is kept is forgotten by the write that changes
 * what it was read from. Every write of units, reports or the campaign raises the figures version
 * (`figuresChanged`), which keys the overview's kept answers (routes/overview.ts); a write of units
 * also forgets the unit tree (`unitsChanged`); a write of a report forgets that unit's baseline
 * (reports.ts).
 */
export interface StoreContext {
  db: Database.Database;
  /** The audit log's statements (append-only). */
  audit: ReturnType<typeof auditStatements>;
  /** Runs `write` in one transaction; each entry it logs goes to the audit log in the same transaction. */
  audited<R>(actor: Actor, write: (log: (entry: AuditEntry) => void) => R): R;
  /** Runs a write of what figures depend on, then marks the figures as changed. */
  figuresChanged<A extends unknown[], R>(write: (...args: A) => Promise<R>): (...args: A) => Promise<R>;
  /** The same for a write of units, which also forgets the unit tree. */
  unitsChanged<A extends unknown[], R>(write: (...args: A) => Promise<R>): (...args: A) => Promise<R>;
  figuresVersion(): number;
  /** The unit tree, read once until units change. */
  tree(load: () => UnitTree): UnitTree;
}

export function storeContext(db: Database.Database): StoreContext {
  const audit = auditStatements(db);
  let version = 0;
  let tree: UnitTree | null = null;
  const changed =
    (forgetTree: boolean) =>
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await write(...args);
      } finally {
        version++;
        if (forgetTree) tree = null;
      }
    };
  return {
    db,
    audit,
    audited: (actor, write) => db.transaction(() => write((entry) => audit.record(entry, actor)))(),
    figuresChanged: changed(false),
    unitsChanged: changed(true),
    figuresVersion: () => version,
    tree: (load) => {
      tree ??= load();
      return tree;
    },
  };
}
