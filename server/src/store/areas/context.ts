import type { UnitTree } from "../../domain/tree.ts";
import type { Report } from "../../domain/types.ts";
import { type Actor, type AuditEntry, auditStatements } from "../audit.ts";
import { type Sql, statement } from "../sql/sql.ts";

/** What a write changes of what the figures are computed from. */
export type Changes = "figures" | "units" | null;

/**
 * What the areas of the store share: the database, the one transactional write, and the caches.
 *
 * Caching, in one place and with one rule, across every process on the database: each write of
 * units, reports or the campaign raises the figures version in its own transaction (a write of units
 * raises the units version too), and whatever a process keeps is keyed by the version it was read
 * at: the overview's answers (routes/overview.ts), the unit tree, the baselines (reports.ts). A
 * process reads the versions before it serves what it kept.
 */
export interface StoreContext {
  sql: Sql;
  /** Runs `work` in one transaction that first raises the versions `changes` names. */
  write<R>(changes: Changes, work: (tx: Sql) => Promise<R>): Promise<R>;
  /** The same, and each entry `work` logs goes to the audit log in that transaction. */
  audited<R>(
    actor: Actor,
    changes: Changes,
    work: (tx: Sql, log: (entry: AuditEntry) => void) => Promise<R>,
  ): Promise<R>;
  versions(): Promise<{ figures: number; units: number }>;
  /** The unit tree, read again only when the units version moved. */
  tree(load: () => Promise<UnitTree>): Promise<UnitTree>;
  /** Each unit's baseline at a campaign start (null: none), kept while the figures version stays. */
  baselines(start: string): Promise<Map<string, Report | null>>;
}

const VERSIONS = statement("SELECT figures, units FROM versions WHERE id = 1");
const RAISE_FIGURES = statement("UPDATE versions SET figures = figures + 1 WHERE id = 1");
const RAISE_UNITS = statement("UPDATE versions SET figures = figures + 1, units = units + 1 WHERE id = 1");

export function storeContext(sql: Sql): StoreContext {
  const versions = async () => {
    const row = await sql.get<{ figures: number; units: number }>(VERSIONS);
    if (!row) throw new Error("the versions row is missing: the migrations were not applied");
    return { figures: Number(row.figures), units: Number(row.units) };
  };
  const write: StoreContext["write"] = (changes, work) =>
    sql.transaction(async (tx) => {
      // First, so that writes of figures from every process queue on this row.
      if (changes) await tx.run(changes === "units" ? RAISE_UNITS : RAISE_FIGURES);
      return work(tx);
    });
  let tree: { units: number; tree: UnitTree } | null = null;
  let baselines: { key: string; byUnit: Map<string, Report | null> } | null = null;
  return {
    sql,
    write,
    audited: (actor, changes, work) =>
      write(changes, async (tx) => {
        const entries: AuditEntry[] = [];
        const result = await work(tx, (entry) => entries.push(entry));
        await auditStatements.record(tx, entries, actor);
        return result;
      }),
    versions,
    tree: async (load) => {
      const { units } = await versions();
      if (tree?.units !== units) tree = { units, tree: await load() };
      return tree.tree;
    },
    baselines: async (start) => {
      const key = `${(await versions()).figures}|${start}`;
      if (baselines?.key !== key) baselines = { key, byUnit: new Map() };
      return baselines.byUnit;
    },
  };
}
