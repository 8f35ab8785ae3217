import pg from "pg";
import { DIALECTS, type Params, POSTGRES_PLAN_MODE, type Sql, type Statement, statementText } from "./sql.ts";

const dialect = DIALECTS.postgres;

// Counts (bigint) and sums (numeric) stay far below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

interface Compiled {
  name: string;
  text: string;
  names: string[];
}

const compiled = new WeakMap<Statement, Compiled>();
let statements = 0;

/**
 * `@name` parameters become `$1`, `$2`…; each statement is parsed once per connection under its
 * name. The connections plan every execution with its values (`plan_cache_mode`, set in
 * postgresSql): a generic plan for "the units in this list" scanned the whole reports table, 66 ms
 * for one commune's series at country scale instead of 2.
 */
function compile(s: Statement): Compiled {
  let c = compiled.get(s);
  if (!c) {
    const names: string[] = [];
    const text = statementText(s, dialect).replace(/@([A-Za-z_]\w*)/g, (_, name: string) => {
      const at = names.indexOf(name);
      if (at >= 0) return `$${at + 1}`;
      names.push(name);
      return `$${names.length}`;
    });
    c = { name: `s${++statements}`, text, names };
    compiled.set(s, c);
  }
  return c;
}

function values(c: Compiled, params: Params = {}): (string | number | null)[] {
  return c.names.map((name) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the statement needs @${name}: ${c.text}`);
    return value;
  });
}

type Queryable = pg.Pool | pg.PoolClient;

function on(db: Queryable, transaction: Sql["transaction"]): Sql {
  const query = (s: Statement, params?: Params) => {
    const c = compile(s);
    return db.query({ name: c.name, text: c.text, values: values(c, params) });
  };
  return {
    dialect,
    all: async <T>(s: Statement, params?: Params) => (await query(s, params)).rows as T[],
    rows: async (s, params) => {
      const c = compile(s);
      const result = await db.query({
        name: c.name,
        text: c.text,
        values: values(c, params),
        rowMode: "array",
      });
      return result.rows as unknown[][];
    },
    get: async <T>(s: Statement, params?: Params) => (await query(s, params)).rows[0] as T | undefined,
    run: async (s, params) => ({ changes: (await query(s, params)).rowCount ?? 0 }),
    transaction,
    close: async () => {
      if (db instanceof pg.Pool) await db.end();
    },
  };
}

/** The store's queries on a pool of PostgreSQL connections (`DATABASE_URL`). */
export function postgresSql(connectionString: string, max = 10): Sql {
  const pool = new pg.Pool({ connectionString, max, options: `-c plan_cache_mode=${POSTGRES_PLAN_MODE}` });
  // A connection that breaks while idle (the server restarted) is dropped and replaced by the pool;
  // without a listener the error would end the process.
  pool.on("error", (error) => console.error(`a PostgreSQL connection was lost: ${error.message}`));
  const transaction: Sql["transaction"] = async (work, lock) => {
    const client = await pool.connect();
    let broken = false;
    // A connection that breaks while checked out reports it here, not to the pool.
    const lost = (error: Error) => {
      broken = true;
      console.error(`a PostgreSQL connection was lost in a transaction: ${error.message}`);
    };
    client.on("error", lost);
    try {
      await client.query("BEGIN");
      if (lock) await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [lock]);
      const inside = on(client, async (nested) => nested(inside));
      const result = await work(inside);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      try {
        await client.query("ROLLBACK");
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.off("error", lost);
      client.release(broken);
    }
  };
  return on(pool, transaction);
}
