import type Database from "better-sqlite3";
import type { AssessmentReads } from "../domain/assessment-reads.ts";
import type { Report } from "../domain/types.ts";

interface ReportRow {
  unit_id: string;
  date: string;
  population: number;
  level2: number;
  dual: number;
  linked: number;
}

const COLUMNS = "r.unit_id, r.date, r.population, r.level2, r.dual, r.linked";
/** Unit ids travel as one JSON array parameter, so a country's 10,000 communes fit in one statement. */
const IDS = "ids(id) AS (SELECT value FROM json_each(@ids))";

type RawRow = [string, string, number, number, number, number];

const toReport = (row: ReportRow): Report => ({
  unitId: row.unit_id,
  date: row.date,
  population: row.population,
  level2: row.level2,
  dual: row.dual,
  linked: row.linked,
});

export function reportStatements(db: Database.Database) {
  const count = db.prepare<[], number>("SELECT count(*) FROM reports").pluck();
  const latestDate = db
    .prepare<{ ids: string }, string | null>(
      `WITH ${IDS} SELECT max(r.date) FROM ids JOIN reports r ON r.unit_id = ids.id`,
    )
    .pluck();
  // The reports an assessment reads, as domain/assessment-reads.ts declares them.
  const forAssessment = db.prepare<{ ids: string } & AssessmentReads, ReportRow>(`WITH ${IDS}
    SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date BETWEEN @windowFrom AND @date
    UNION
    SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date =
      (SELECT max(date) FROM reports WHERE unit_id = ids.id AND date <= @weekAgo)
    UNION
    SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date IN
      (SELECT date FROM reports WHERE unit_id = ids.id AND date <= @date ORDER BY date DESC LIMIT 2)
    UNION
    SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date =
      (SELECT max(date) FROM reports WHERE unit_id = ids.id AND date <= min(@start, @date))
    UNION
    SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date =
      (SELECT min(date) FROM reports WHERE unit_id = ids.id AND date > @start AND date <= @date)
      AND NOT EXISTS (SELECT 1 FROM reports WHERE unit_id = ids.id AND date <= @start)
    ORDER BY 1, 2`);
  // The fast path: the trailing window in one range scan per unit, and each unit's baseline (kept
  // until a report changes). Units whose window does not hold what the assessment reads (stale or
  // sparse ones) go through the full query above.
  const windowRows = db.prepare<{ ids: string; date: string; windowFrom: string }, ReportRow>(`WITH ${IDS}
    SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date BETWEEN @windowFrom AND @date`);
  const baselineRows = db.prepare<{ ids: string; start: string }, ReportRow>(`WITH ${IDS}
    SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date = coalesce(
      (SELECT max(date) FROM reports WHERE unit_id = ids.id AND date <= @start),
      (SELECT min(date) FROM reports WHERE unit_id = ids.id AND date > @start))`);
  let baselines: { start: string; byUnit: Map<string, Report | null> } | null = null;
  /** A changed report can move its unit's baseline; a bulk insert, anyone's. */
  const forget = (unitId?: string) => {
    if (unitId === undefined) baselines = null;
    else baselines?.byUnit.delete(unitId);
  };
  const upTo = db.prepare<{ ids: string; to: string }, ReportRow>(`WITH ${IDS}
    SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date <= @to ORDER BY 2, 1`);
  const page = db.prepare<{ ids: string; date: string; unit: string; limit: number }, ReportRow>(`WITH ${IDS}
    SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id
    WHERE (r.date, r.unit_id) > (@date, @unit) ORDER BY 2, 1 LIMIT @limit`);
  const insert = db.prepare(
    "INSERT INTO reports (unit_id, date, population, level2, dual, linked) " +
      "VALUES (@unitId, @date, @population, @level2, @dual, @linked)",
  );
  const upsert = db.prepare(
    `INSERT INTO reports (unit_id, date, population, level2, dual, linked)
     VALUES (@unitId, @date, @population, @level2, @dual, @linked)
     ON CONFLICT (unit_id, date) DO UPDATE SET population = excluded.population, level2 = excluded.level2,
       dual = excluded.dual, linked = excluded.linked, recorded_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  const one = db.prepare<[string, string], ReportRow>(
    "SELECT unit_id, date, population, level2, dual, linked FROM reports WHERE unit_id = ? AND date = ?",
  );
  const remove = db.prepare("DELETE FROM reports WHERE unit_id = ? AND date = ?");

  return {
    count: (): number => count.get() as number,
    latestDate: (unitIds: readonly string[]): string | null =>
      latestDate.get({ ids: JSON.stringify(unitIds) }) ?? null,
    forAssessment: (unitIds: readonly string[], dates: AssessmentReads) => {
      const byUnit = new Map<string, Report[]>();
      const add = (report: Report) => {
        const list = byUnit.get(report.unitId);
        if (!list) byUnit.set(report.unitId, [report]);
        else if (!list.some((r) => r.date === report.date)) list.push(report);
      };
      // Arrays rather than objects: at country scale building 50,000 row objects is most of the time.
      const rows = windowRows.raw(true).all({
        ids: JSON.stringify(unitIds),
        date: dates.date,
        windowFrom: dates.windowFrom,
      }) as unknown as RawRow[];
      for (const [unitId, date, population, level2, dual, linked] of rows)
        add({ unitId, date, population, level2, dual, linked });
      // The window answers when it holds two reports and one on or before the week-ago day.
      const incomplete = unitIds.filter((id) => {
        const list = byUnit.get(id);
        return !list || list.length < 2 || !list.some((r) => r.date <= dates.weekAgo);
      });
      if (incomplete.length > 0) {
        for (const row of forAssessment.iterate({ ids: JSON.stringify(incomplete), ...dates }))
          add(toReport(row));
      }
      if (baselines?.start !== dates.start) baselines = { start: dates.start, byUnit: new Map() };
      const known = baselines.byUnit;
      const missing = unitIds.filter((id) => !known.has(id));
      if (missing.length > 0) {
        for (const id of missing) known.set(id, null);
        for (const row of baselineRows.iterate({ ids: JSON.stringify(missing), start: dates.start }))
          known.set(row.unit_id, toReport(row));
      }
      for (const id of unitIds) {
        const baseline = known.get(id);
        if (baseline) add(baseline);
        byUnit.get(id)?.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      }
      return byUnit;
    },
    upTo: (unitIds: readonly string[], to: string): Report[] =>
      upTo.all({ ids: JSON.stringify(unitIds), to }).map(toReport),
    page: (
      unitIds: readonly string[],
      after: { date: string; unitId: string } | null,
      limit: number,
    ): Report[] =>
      page
        .all({ ids: JSON.stringify(unitIds), date: after?.date ?? "", unit: after?.unitId ?? "", limit })
        .map(toReport),
    insertMany: db.transaction((reports: readonly Report[]) => {
      forget();
      for (const report of reports) insert.run(report);
    }),
    one: (unitId: string, date: string): Report | undefined => {
      const row = one.get(unitId, date);
      return row && toReport(row);
    },
    upsert: (report: Report) => {
      forget(report.unitId);
      return upsert.run(report);
    },
    remove: (unitId: string, date: string) => {
      forget(unitId);
      return remove.run(unitId, date);
    },
  };
}
