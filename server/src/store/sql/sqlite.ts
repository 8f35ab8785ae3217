import type Database from "better-sqlite3";
import { DIALECTS, type Params, type Sql, type Statement, statementText } from "./sql.ts";

const dialect = DIALECTS.sqlite;

/**
 * The store's queries on one better-sqlite3 connection. The driver is synchronous; a transaction
 * spans awaits, so while one is open every other query of this process waits for it (on one
 * connection they would otherwise run inside it). Other processes wait on SQLite's own lock.
 */
export function sqliteSql(db: Database.Database): Sql {
  const prepared = new WeakMap<Statement, Database.Statement>();
  const prepare = (s: Statement) => {
    let p = prepared.get(s);
    if (!p) {
      p = db.prepare(statementText(s, dialect));
      prepared.set(s, p);
    }
    return p;
  };
  // The open transaction; whoever waits checks again after the wait, with no await in between.
  let open: Promise<void> | null = null;
  const bind = (params?: Params) => (params ? [params] : []);

  const on = (wait: boolean): Sql => {
    // The query runs right after the check, in the same turn: no transaction can open in between.
    const when = async <T>(query: () => T): Promise<T> => {
      while (wait && open) await open;
      return query();
    };
    const sql: Sql = {
      dialect,
      all: <T>(s: Statement, params?: Params) => when(() => prepare(s).all(...bind(params)) as T[]),
      rows: (s, params) =>
        when(() => {
          const p = prepare(s).raw(true);
          try {
            return p.all(...bind(params)) as unknown[][];
          } finally {
            p.raw(false);
          }
        }),
      get: <T>(s: Statement, params?: Params) => when(() => prepare(s).get(...bind(params)) as T | undefined),
      run: (s, params) => when(() => ({ changes: prepare(s).run(...bind(params)).changes })),
      transaction: async (work) => {
        if (!wait) return work(sql);
        while (open) await open;
        let finished = () => {};
        open = new Promise((resolve) => {
          finished = resolve;
        });
        try {
          db.exec("BEGIN IMMEDIATE");
          const result = await work(inTransaction);
          db.exec("COMMIT");
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        } finally {
          open = null;
          finished();
        }
      },
      close: async () => {
        while (open) await open;
        db.close();
      },
    };
    return sql;
  };
  const inTransaction = on(false);
  return on(true);
}
