import type { AssessmentReads } from "../domain/assessment-reads.ts";
import { earlierOf } from "../domain/dates.ts";
import { byDate } from "../domain/history.ts";
import type { Report } from "../domain/types.ts";
import { chunked, type Dialect, foundValues, type Sql, statement, withCheckPlansKept } from "./sql/sql.ts";

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
const ids = (d: Dialect) => `ids(id) AS (SELECT value FROM ${d.texts("@ids")})`;
/** Reports travel as JSON arrays of objects, a chunk at a time (sql.ts `chunked`). */
const FIELDS = (d: Dialect) => `SELECT value ->> 'unitId' AS unit_id, value ->> 'date' AS date,
  CAST(value ->> 'population' AS INTEGER) AS population, CAST(value ->> 'level2' AS INTEGER) AS level2,
  CAST(value ->> 'dual' AS INTEGER) AS dual, CAST(value ->> 'linked' AS INTEGER) AS linked,
  coalesce(value ->> 'recordedAt', CAST(@now AS TEXT)) AS recorded_at
  FROM ${d.objects("@reports")}`;
const FIELD_NAMES = "f.unit_id, f.date, f.population, f.level2, f.dual, f.linked";

type RawRow = [string, string, number, number, number, number];

/** A report with the time it was recorded (the demo's reports carry theirs). */
export type RecordedReport = Report & { recordedAt?: string };

const toReport = (row: ReportRow): Report => ({
  unitId: row.unit_id,
  date: row.date,
  population: row.population,
  level2: row.level2,
  dual: row.dual,
  linked: row.linked,
});

const COUNT = statement("SELECT count(*) AS n FROM reports");
const LATEST_DATE = statement(
  (d) => `WITH ${ids(d)} SELECT max(r.date) AS date FROM ids JOIN reports r ON r.unit_id = ids.id`,
);
// The reports an assessment reads, as domain/assessment-reads.ts declares them.
const FOR_ASSESSMENT = statement(
  (d) => `WITH ${ids(d)}
  SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date BETWEEN @windowFrom AND @date
  UNION
  SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date =
    (SELECT max(date) FROM reports WHERE unit_id = ids.id AND date <= @weekAgo)
  UNION
  SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date IN
    (SELECT date FROM reports WHERE unit_id = ids.id AND date <= @date ORDER BY date DESC LIMIT 2)
  UNION
  SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date =
    (SELECT max(date) FROM reports WHERE unit_id = ids.id AND date <= @baselineTo)
  UNION
  SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date =
    (SELECT min(date) FROM reports WHERE unit_id = ids.id AND date > @start AND date <= @date)
    AND NOT EXISTS (SELECT 1 FROM reports WHERE unit_id = ids.id AND date <= @start)
  ORDER BY 1, 2`,
);
// The fast path: the trailing window in one range scan per unit, and each unit's baseline (kept
// until the figures change). Units whose window does not hold what the assessment reads (stale or
// sparse ones) go through the full query above.
const WINDOW = statement(
  (d) => `WITH ${ids(d)}
  SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date BETWEEN @windowFrom AND @date`,
);
const BASELINES = statement(
  (d) => `WITH ${ids(d)}
  SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date = coalesce(
    (SELECT max(date) FROM reports WHERE unit_id = ids.id AND date <= @start),
    (SELECT min(date) FROM reports WHERE unit_id = ids.id AND date > @start))`,
);
// The reports an assessment reads across the changes of units (areas/reports.ts `lineageReads`):
// each part (a code over [lo, hi), hi at most the day after the date asked) from its second latest
// report before @low (so its latest two before @low, and all from @low), and its latest on or before
// @baselineTo. Each bound is one index lookup per part and each read one range of the part's own
// (a condition `date IN (… LIMIT 2)` was evaluated for every report of the part on PostgreSQL).
const LINEAGE = statement((d) => {
  // Each part's own reports, by the index: on PostgreSQL a LATERAL read kept apart (OFFSET 0),
  // whatever the table's statistics (without them, after a bulk load, the planner read and hashed
  // the whole table instead).
  const each = (condition: string) =>
    d.engine === "postgres"
      ? `bounds b CROSS JOIN LATERAL (SELECT * FROM reports r WHERE r.unit_id = b.code AND ${condition} OFFSET 0) AS r`
      : `bounds b JOIN reports r ON r.unit_id = b.code AND ${condition}`;
  return `WITH parts AS (SELECT value ->> 'code' AS code, value ->> 'lo' AS lo, value ->> 'hi' AS hi
    FROM ${d.objects("@parts")}),
  bounds AS (SELECT code, lo, hi,
    coalesce((SELECT date FROM reports WHERE unit_id = parts.code AND date >= parts.lo AND date < parts.hi
      AND date < @low ORDER BY date DESC LIMIT 1 OFFSET 1), parts.lo) AS since,
    (SELECT max(date) FROM reports WHERE unit_id = parts.code AND date >= parts.lo AND date < parts.hi
      AND date <= @baselineTo) AS baseline
    FROM parts)
  SELECT ${COLUMNS} FROM ${each("r.date >= b.since AND r.date < b.hi")}
  UNION
  SELECT ${COLUMNS} FROM ${each("r.date = b.baseline")}
  ORDER BY 1, 2`;
});
const UP_TO = statement(
  (d) => `WITH ${ids(d)}
  SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date <= @to ORDER BY 2, 1`,
);
const FROM = statement(
  (d) => `WITH ${ids(d)}
  SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id AND r.date >= @from ORDER BY 2, 1`,
);
const PAGE = statement(
  (d) => `WITH ${ids(d)}
  SELECT ${COLUMNS} FROM ids JOIN reports r ON r.unit_id = ids.id
  WHERE (r.date, r.unit_id) > (@date, @unit) ORDER BY 2, 1 LIMIT @limit`,
);
// A report keeps the time it was first recorded (a revision changes recorded_at only): the
// reporting cycle judges a week on time by it. Demo reports carry their own recording times.
const INSERT = statement(
  (
    d,
  ) => `INSERT INTO reports (unit_id, date, population, level2, dual, linked, recorded_at, first_recorded_at)
  SELECT ${FIELD_NAMES}, f.recorded_at, f.recorded_at FROM (${FIELDS(d)}) AS f`,
);
const UPSERT = statement(
  (
    d,
  ) => `INSERT INTO reports (unit_id, date, population, level2, dual, linked, recorded_at, first_recorded_at)
  SELECT ${FIELD_NAMES}, CAST(@now AS TEXT), CAST(@now AS TEXT) FROM (${FIELDS(d)}) AS f WHERE true
  ON CONFLICT (unit_id, date) DO UPDATE SET population = excluded.population, level2 = excluded.level2,
    dual = excluded.dual, linked = excluded.linked, recorded_at = excluded.recorded_at`,
);
const FIRST_RECORDED = statement(
  (d) => `WITH ${ids(d)}
  SELECT r.unit_id, r.date, r.first_recorded_at FROM ids JOIN reports r ON r.unit_id = ids.id
  AND r.date BETWEEN @from AND @to`,
);
const EXISTING = statement(
  (d) => `SELECT ${COLUMNS} FROM ${d.objects("@reports")}
  JOIN reports r ON r.unit_id = value ->> 'unitId' AND r.date = value ->> 'date'`,
);
// The dates of the list on which any unit has a report: keys on other dates have none to find.
const DATES_REPORTED = statement(
  (d) =>
    `SELECT value FROM ${d.texts("@values")} WHERE EXISTS (SELECT 1 FROM reports r WHERE r.date = value)`,
);
const REMOVE = statement("DELETE FROM reports WHERE unit_id = @unitId AND date = @date");

export const reportStatements = {
  count: async (sql: Sql): Promise<number> => (await sql.get<{ n: number }>(COUNT))?.n ?? 0,
  latestDate: async (sql: Sql, unitIds: readonly string[]): Promise<string | null> =>
    (await sql.get<{ date: string | null }>(LATEST_DATE, { ids: sql.dialect.list(unitIds) }))?.date ?? null,
  forAssessment: async (
    sql: Sql,
    unitIds: readonly string[],
    dates: AssessmentReads,
    /** The baselines kept so far (null: the unit has none); the missing ones are read and kept. */
    baselines: {
      known: ReadonlyMap<string, Report | null>;
      keep(unitId: string, baseline: Report | null): void;
    },
  ) => {
    const byUnit = new Map<string, Report[]>();
    const add = (report: Report) => {
      const list = byUnit.get(report.unitId);
      if (!list) byUnit.set(report.unitId, [report]);
      else if (!list.some((r) => r.date === report.date)) list.push(report);
    };
    // Arrays rather than objects: at country scale building 50,000 row objects is most of the time.
    const rows = (await sql.rows(WINDOW, {
      ids: sql.dialect.list(unitIds),
      date: dates.date,
      windowFrom: dates.windowFrom,
    })) as RawRow[];
    for (const [unitId, date, population, level2, dual, linked] of rows)
      add({ unitId, date, population, level2, dual, linked });
    // The window answers when it holds two reports and one on or before the week-ago day.
    const incomplete = unitIds.filter((id) => {
      const list = byUnit.get(id);
      return !list || list.length < 2 || !list.some((r) => r.date <= dates.weekAgo);
    });
    if (incomplete.length > 0) {
      const rows = await sql.all<ReportRow>(FOR_ASSESSMENT, {
        ids: sql.dialect.list(incomplete),
        date: dates.date,
        windowFrom: dates.windowFrom,
        weekAgo: dates.weekAgo,
        start: dates.start,
        baselineTo: earlierOf(dates.start, dates.date),
      });
      for (const row of rows) add(toReport(row));
    }
    const read = new Map<string, Report>();
    const missing = unitIds.filter((id) => !baselines.known.has(id));
    if (missing.length > 0) {
      const rows = await sql.all<ReportRow>(BASELINES, {
        ids: sql.dialect.list(missing),
        start: dates.start,
      });
      for (const row of rows) read.set(row.unit_id, toReport(row));
      for (const id of missing) baselines.keep(id, read.get(id) ?? null);
    }
    for (const id of unitIds) {
      const baseline = baselines.known.get(id) ?? read.get(id);
      if (baseline) add(baseline);
      byUnit.get(id)?.sort(byDate);
    }
    return byUnit;
  },
  /**
   * Reports of each part (a code over [lo, hi)) dated from `low` on, its latest two before `low` and
   * its latest on or before `baselineTo`, by code and date.
   */
  lineage: async (
    sql: Sql,
    parts: readonly { code: string; lo: string; hi: string }[],
    dates: { low: string; baselineTo: string },
  ): Promise<Report[]> =>
    ((await sql.rows(LINEAGE, { parts: JSON.stringify(parts), ...dates })) as RawRow[]).map(
      ([unitId, day, population, level2, dual, linked]) => ({
        unitId,
        date: day,
        population,
        level2,
        dual,
        linked,
      }),
    ),
  upTo: async (sql: Sql, unitIds: readonly string[], to: string): Promise<Report[]> =>
    (await sql.all<ReportRow>(UP_TO, { ids: sql.dialect.list(unitIds), to })).map(toReport),
  from: async (sql: Sql, unitIds: readonly string[], from: string): Promise<Report[]> =>
    (await sql.all<ReportRow>(FROM, { ids: sql.dialect.list(unitIds), from })).map(toReport),
  page: async (
    sql: Sql,
    unitIds: readonly string[],
    after: { date: string; unitId: string } | null,
    limit: number,
  ): Promise<Report[]> =>
    (
      await sql.all<ReportRow>(PAGE, {
        ids: sql.dialect.list(unitIds),
        date: after?.date ?? "",
        unit: after?.unitId ?? "",
        limit,
      })
    ).map(toReport),
  /** Adds reports as they are, recorded at their own `recordedAt` (UTC ISO) or now. */
  insertMany: async (sql: Sql, reports: readonly RecordedReport[], now: string) => {
    await withCheckPlansKept(sql, async () => {
      for (const chunk of chunked(reports)) await sql.run(INSERT, { reports: JSON.stringify(chunk), now });
    });
  },
  /** When each report of the units dated in [from, to] was first recorded: unit → date → time. */
  firstRecorded: async (sql: Sql, unitIds: readonly string[], from: string, to: string) => {
    const byUnit = new Map<string, Map<string, string>>();
    const rows = await sql.rows(FIRST_RECORDED, { ids: sql.dialect.list(unitIds), from, to });
    for (const [unitId, date, at] of rows as [string, string, string][]) {
      const dates = byUnit.get(unitId) ?? new Map<string, string>();
      dates.set(date, at);
      byUnit.set(unitId, dates);
    }
    return byUnit;
  },
  /** The stored reports with the same unit and date as any of `reports`. */
  existing: async (sql: Sql, reports: readonly { unitId: string; date: string }[]): Promise<Report[]> => {
    const found: Report[] = [];
    if (reports.length === 0) return found;
    // Only the keys of dates with reports are joined: a file of a new week's figures joins none.
    const reported = await foundValues(
      sql,
      DATES_REPORTED,
      reports.map((r) => r.date),
    );
    const onReported = reports.filter((r) => reported.has(r.date));
    for (const chunk of chunked(onReported)) {
      const keys = chunk.map((r) => ({ unitId: r.unitId, date: r.date }));
      for (const row of await sql.all<ReportRow>(EXISTING, { reports: JSON.stringify(keys) }))
        found.push(toReport(row));
    }
    return found;
  },
  upsertMany: async (sql: Sql, reports: readonly Report[], now: string) => {
    await withCheckPlansKept(sql, async () => {
      for (const chunk of chunked(reports)) await sql.run(UPSERT, { reports: JSON.stringify(chunk), now });
    });
  },
  remove: async (sql: Sql, unitId: string, date: string) =>
    (await sql.run(REMOVE, { unitId, date })).changes > 0,
};
