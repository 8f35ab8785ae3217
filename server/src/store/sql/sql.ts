/**
 * The one way the store talks to its database, whichever the engine: statements written once in
 * SQL that both engines read, with `@name` parameters, and the few fragments that differ asked of
 * the dialect (see docs/decisions/005-two-engines.md).
 */
export type Engine = "sqlite" | "postgres";

/** A database location that names a PostgreSQL server rather than a SQLite file. */
export const POSTGRES_URL = /^postgres(ql)?:\/\/./;

export interface Dialect {
  engine: Engine;
  /** A FROM item with one text column `value`: the strings of a `list` passed as `param`. */
  texts(param: string): string;
  /** A list of strings as one parameter, for `texts`. */
  list(values: readonly string[]): string;
  /** A FROM item with one column `value`: the objects of a JSON array passed as `param` (read with `value ->> 'key'`). */
  objects(param: string): string;
}

export const DIALECTS: Record<Engine, Dialect> = {
  sqlite: {
    engine: "sqlite",
    texts: (param) => `json_each(${param})`,
    list: (values) => JSON.stringify(values),
    objects: (param) => `json_each(${param})`,
  },
  postgres: {
    engine: "postgres",
    // An array rather than JSON: the planner counts its elements (it guesses 100 for a JSON list,
    // and for one commune's series then scanned the whole reports table).
    texts: (param) => `unnest(CAST(${param} AS text[])) AS t(value)`,
    list: (values) => `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`,
    // jsonb: each object is parsed once, not again for every field read from it.
    objects: (param) => `jsonb_array_elements(CAST(${param} AS jsonb)) AS t(value)`,
  },
};

/** A statement: its text, the same for both engines or made from the dialect's fragments. */
export interface Statement {
  readonly text: string | ((dialect: Dialect) => string);
}

export const statement = (text: Statement["text"]): Statement => ({ text });

export type Params = Record<string, string | number | null>;

/** A connection, a pool or an open transaction: every query of the store goes through one. */
export interface Sql {
  readonly dialect: Dialect;
  /** Every row, as objects keyed by column name. */
  all<T>(statement: Statement, params?: Params): Promise<T[]>;
  /** Every row, as arrays of values in column order (cheaper for many rows). */
  rows(statement: Statement, params?: Params): Promise<unknown[][]>;
  get<T>(statement: Statement, params?: Params): Promise<T | undefined>;
  run(statement: Statement, params?: Params): Promise<{ changes: number }>;
  /**
   * Runs `work` in one transaction, committed when it resolves and rolled back when it throws.
   * Transactions that take the same `lock` run one after another across every process.
   */
  transaction<R>(work: (tx: Sql) => Promise<R>, lock?: string): Promise<R>;
  close(): Promise<void>;
}

/**
 * Many rows go to the database as JSON arrays of at most `size` (one statement each): the
 * statement's parameter stays bounded whatever the size of the batch.
 */
export function chunked<T>(list: readonly T[], size = 5_000): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
    list.slice(i * size, (i + 1) * size),
  );
}

/** How PostgreSQL's connections plan the store's statements: each execution with its values (postgres.ts). */
/**
 * Those of `values` that a table holds, asked with one statement of the form
 * `SELECT value FROM ${d.texts("@values")} WHERE EXISTS (…)`: a bulk write narrows its per-row
 * joins to the weeks or dates that can match (one index probe per distinct value).
 */
export async function foundValues(sql: Sql, s: Statement, values: Iterable<string>): Promise<Set<string>> {
  const rows = await sql.all<{ value: string }>(s, { values: sql.dialect.list([...new Set(values)]) });
  return new Set(rows.map((row) => row.value));
}

export const POSTGRES_PLAN_MODE = "force_custom_plan";
const PLANS_KEPT = statement("SET LOCAL plan_cache_mode = auto");
const PLANS_WITH_VALUES = statement(`SET LOCAL plan_cache_mode = ${POSTGRES_PLAN_MODE}`);

/**
 * Runs a bulk write inside an open transaction with the plans of the database's own checks kept
 * from row to row. PostgreSQL's connections plan every statement with its values (postgres.ts),
 * and that includes the query a foreign key runs for each row written: planned 100,000 times, it
 * made an import of 100,000 reports take twice as long. SQLite has nothing to change.
 */
export async function withCheckPlansKept<R>(tx: Sql, work: () => Promise<R>): Promise<R> {
  if (tx.dialect.engine !== "postgres") return work();
  await tx.run(PLANS_KEPT);
  const result = await work();
  await tx.run(PLANS_WITH_VALUES);
  return result;
}

export function statementText(s: Statement, dialect: Dialect): string {
  return typeof s.text === "string" ? s.text : s.text(dialect);
}
