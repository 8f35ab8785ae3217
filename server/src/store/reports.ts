import type Database from "better-sqlite3";
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
  // What assessing a unit on a date reads: the trailing window, the latest two reports, the latest
  // a week earlier, and the baseline (the latest report on or before the start, else the first one after it).
  const forAssessment = db.prepare<
    { ids: string; date: string; windowFrom: string; weekAgo: string; start: string },
    ReportRow
  >(`WITH ${IDS}
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
  const upTo = db.prepare<{ ids: string; to: string }, ReportRow>(`WITH ${IDS}
    SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date <= @to ORDER BY 2, 1`);
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
    forAssessment: (
      unitIds: readonly string[],
      dates: { date: string; windowFrom: string; weekAgo: string; start: string },
    ) => {
      const byUnit = new Map<string, Report[]>();
      for (const row of forAssessment.iterate({ ids: JSON.stringify(unitIds), ...dates })) {
        const list = byUnit.get(row.unit_id) ?? [];
        list.push(toReport(row));
        byUnit.set(row.unit_id, list);
      }
      return byUnit;
    },
    upTo: (unitIds: readonly string[], to: string): Report[] =>
      upTo.all({ ids: JSON.stringify(unitIds), to }).map(toReport),
    insertMany: db.transaction((reports: readonly Report[]) => {
      for (const report of reports) insert.run(report);
    }),
    one: (unitId: string, date: string): Report | undefined => {
      const row = one.get(unitId, date);
      return row && toReport(row);
    },
    upsert: (report: Report) => upsert.run(report),
    remove: (unitId: string, date: string) => remove.run(unitId, date),
  };
}
