import type { UnitHistory } from "../../domain/unit-history.ts";
import { type Actor, type AuditEntry, auditStatements } from "../audit.ts";
import { type Sql, statement } from "../sql/sql.ts";

/** What a write changes of what the figures are computed from. */
export type Changes = "figures" | "units" | null;

/** Names the reporting units a write changed; a write of figures that names none changed any of them. */
export type Touched = (unitIds: Iterable<string>) => void;

/** Values per reporting unit kept under a key (a date, a campaign start), for one kind of result. */
export interface PerUnit<T> {
  /**
   * The values kept under `key`, and `keep` to add one. A value computed from reads that a write
   * overtook is not kept (it is still right to serve: it was read after this call).
   */
  open(key: string): Promise<{ known: ReadonlyMap<string, T>; keep(unitId: string, value: T): void }>;
}

/**
 * What the areas of the store share: the database, the one transactional write, and the caches.
 *
 * Caching, in one place and with one rule, across every process on the database: each write of
 * units, reports or the campaign raises the figures version in its own transaction (a write of units
 * raises the units version too) and records which reporting units it changed. Whatever a process
 * keeps is checked against the database before it is served: the overview's answers are keyed by
 * the figures version (routes/overview.ts), the units by the units version, and per-unit results
 * (baselines, each commune's state on a date) forget the units changed since they were read, and
 * every later unit whose history their reports feed (the lineage of a reorganisation).
 */
export interface StoreContext {
  sql: Sql;
  /** Runs `work` in one transaction that first raises the versions `changes` names. */
  write<R>(changes: Changes, work: (tx: Sql, touched: Touched) => Promise<R>): Promise<R>;
  /** The same, and each entry `work` logs goes to the audit log in that transaction. */
  audited<R>(
    actor: Actor,
    changes: Changes,
    work: (tx: Sql, log: (entry: AuditEntry) => void, touched: Touched) => Promise<R>,
  ): Promise<R>;
  versions(): Promise<{ figures: number; units: number }>;
  /** Every unit version and the lineage, read again only when the units version moved. */
  units(load: () => Promise<UnitHistory>): Promise<UnitHistory>;
  /** A new kind of per-unit result, kept under at most `keys` keys (the most recently opened). */
  perUnit<T>(keys: number): PerUnit<T>;
}

const VERSIONS = statement("SELECT figures, units FROM versions WHERE id = 1");
const RAISE_FIGURES = statement("UPDATE versions SET figures = figures + 1 WHERE id = 1 RETURNING figures");
const RAISE_UNITS = statement(
  "UPDATE versions SET figures = figures + 1, units = units + 1 WHERE id = 1 RETURNING figures",
);
const CHANGES_SINCE = statement("SELECT unit_id FROM figure_changes WHERE version > @since");
const LOG_UNITS = statement(
  (d) =>
    `INSERT INTO figure_changes (version, unit_id) SELECT CAST(@version AS BIGINT), value FROM ${d.texts("@ids")}`,
);
const LOG_ALL = statement("INSERT INTO figure_changes (version, unit_id) VALUES (@version, NULL)");
const PRUNE = statement("DELETE FROM figure_changes WHERE version <= @before");
/** Versions of changes kept: a process that fell further behind forgets everything it kept. */
const CHANGES_KEPT = 1_000;

export function storeContext(sql: Sql): StoreContext {
  const readVersions = async () => {
    const row = await sql.get<{ figures: number; units: number }>(VERSIONS);
    if (!row) throw new Error("the versions row is missing: the migrations were not applied");
    return { figures: Number(row.figures), units: Number(row.units) };
  };
  // Every request asks for the versions; the requests that arrive while a read is on its way share
  // the next read, sent after they all arrived: each still sees every write acknowledged before it
  // arrived, with one query for many readers (PostgreSQL under load: a round trip per request).
  let next: Promise<{ figures: number; units: number }> | null = null;
  let previous: Promise<unknown> = Promise.resolve();
  const versions = () => {
    if (next) return next;
    const read = previous
      .catch(() => {})
      .then(() => {
        next = null;
        return readVersions();
      });
    next = read;
    previous = read;
    return read;
  };
  const write: StoreContext["write"] = (changes, work) =>
    sql.transaction(async (tx) => {
      // First, so that writes of figures from every process queue on this row (and log in order).
      const raised = changes
        ? await tx.get<{ figures: number }>(changes === "units" ? RAISE_UNITS : RAISE_FIGURES)
        : undefined;
      let named = null as Set<string> | null;
      const result = await work(tx, (unitIds) => {
        named ??= new Set();
        for (const id of unitIds) named.add(id);
      });
      if (raised) {
        const version = Number(raised.figures);
        const units: Set<string> | null = changes === "figures" ? named : null;
        if (units === null) await tx.run(LOG_ALL, { version });
        else if (units.size > 0) await tx.run(LOG_UNITS, { version, ids: tx.dialect.list([...units]) });
        await tx.run(PRUNE, { before: version - CHANGES_KEPT });
      }
      return result;
    });

  // Per-unit results: every kind, and the figures version they were last brought up to.
  const kinds: { byKey: Map<string, Map<string, unknown>> }[] = [];
  let seen: number | null = null;
  /** Goes up whenever kept values are forgotten: a value read before then is not kept. */
  let epoch = 0;
  const forget = (unitIds: string[] | null) => {
    epoch++;
    for (const kind of kinds) {
      for (const byUnit of kind.byKey.values()) {
        if (unitIds === null) byUnit.clear();
        else for (const id of unitIds) byUnit.delete(id);
      }
    }
  };
  let unitsKept: { version: number; history: UnitHistory } | null = null;
  const refresh = async () => {
    const { figures } = await versions();
    if (figures === seen) return;
    if (seen === null || figures - seen > CHANGES_KEPT) forget(null);
    else {
      const rows = await sql.all<{ unit_id: string | null }>(CHANGES_SINCE, { since: seen });
      if (rows.some((row) => row.unit_id === null)) forget(null);
      else if (rows.length > 0) {
        const codes = rows.map((row) => row.unit_id as string);
        // Without the units at hand the lineage is unknown: forget everything rather than too little.
        forget(unitsKept ? [...unitsKept.history.dependentCodes(codes)] : null);
      }
    }
    seen = figures;
  };

  return {
    sql,
    write,
    audited: (actor, changes, work) =>
      write(changes, async (tx, touched) => {
        const entries: AuditEntry[] = [];
        const result = await work(tx, (entry) => entries.push(entry), touched);
        await auditStatements.record(tx, entries, actor);
        return result;
      }),
    versions,
    units: async (load) => {
      const version = (await versions()).units;
      if (unitsKept?.version !== version) unitsKept = { version, history: await load() };
      return unitsKept.history;
    },
    perUnit: <T>(keys: number): PerUnit<T> => {
      const kind = { byKey: new Map<string, Map<string, unknown>>() };
      kinds.push(kind);
      return {
        open: async (key) => {
          await refresh();
          const at = epoch;
          let byUnit = kind.byKey.get(key);
          if (byUnit) kind.byKey.delete(key);
          else byUnit = new Map();
          kind.byKey.set(key, byUnit);
          while (kind.byKey.size > keys) kind.byKey.delete(kind.byKey.keys().next().value as string);
          const kept = byUnit as Map<string, T>;
          return {
            known: kept,
            keep: (unitId, value) => {
              if (epoch === at) kept.set(unitId, value);
            },
          };
        },
      };
    },
  };
}
