import { weekLabel } from "../domain/reporting-weeks.ts";
import { chunked, foundValues, type Sql, statement } from "./sql/sql.ts";

/**
 * A reporting unit's week approved (locked) at one level, and by whom: a commune's week may be
 * approved once per unit above it (its district, its province), each a row.
 */
export interface Approval {
  unitId: string;
  week: string;
  /** The unit the approval was given for, its level: a district approves its communes at once. */
  via: string;
  by: string;
  byUserId: number | null;
  at: string;
}

/** A write refused because the week it falls in is approved: each locked report, with its approval. */
export class WeekLocked extends Error {
  constructor(readonly locked: readonly (Approval & { date: string })[]) {
    const first = locked[0];
    super(
      first
        ? `Week ${first.week} of ${first.unitId} was approved by ${first.by} at ${first.at}: reopen it to change its figures.`
        : "The week is approved.",
    );
  }
}

/** A reopening refused: a level above the one asked still approves the week (those approvals). */
export class ApprovedAbove extends Error {
  constructor(readonly above: readonly Approval[]) {
    const first = above[0];
    super(
      first
        ? `Week ${first.week} is approved at ${first.via} by ${first.by} at ${first.at}: that level reopens it first.`
        : "The week is approved above.",
    );
  }
}

interface ApprovalRow {
  unit_id: string;
  week: string;
  via: string;
  approved_by: number | null;
  approved_by_name: string;
  approved_at: string;
}

const toApproval = (row: ApprovalRow): Approval => ({
  unitId: row.unit_id,
  week: row.week,
  via: row.via,
  by: row.approved_by_name,
  byUserId: row.approved_by === null ? null : Number(row.approved_by),
  at: row.approved_at,
});

const COLUMNS = "a.unit_id, a.week, a.via, a.approved_by, a.approved_by_name, a.approved_at";
const IN_WEEKS = statement(
  (d) => `SELECT ${COLUMNS} FROM ${d.texts("@ids")} JOIN approvals a ON a.unit_id = value
  WHERE a.week BETWEEN @from AND @to ORDER BY a.week, a.unit_id`,
);
// The approvals that lock any of the (unit, week, date) keys: a write's reports, or a deletion.
const LOCKING = statement(
  (d) => `SELECT ${COLUMNS}, k.date FROM (SELECT value ->> 'unitId' AS unit_id, value ->> 'week' AS week,
    value ->> 'date' AS date FROM ${d.objects("@keys")}) AS k
  JOIN approvals a ON a.unit_id = k.unit_id AND a.week = k.week ORDER BY k.date, a.unit_id`,
);
// The weeks of the list that any unit has approved: a write's keys in other weeks cannot be locked.
const WEEKS_APPROVED = statement(
  (d) =>
    `SELECT value FROM ${d.texts("@values")} WHERE EXISTS (SELECT 1 FROM approvals a WHERE a.week = value)`,
);
const APPROVE = statement(
  (d) => `INSERT INTO approvals (unit_id, week, via, approved_by, approved_by_name, approved_at)
  SELECT value, @week, @via, CAST(@userId AS INTEGER), @username, @at FROM ${d.texts("@ids")} WHERE true
  ON CONFLICT (unit_id, week, via) DO NOTHING`,
);
const REOPEN = statement(
  (d) => `DELETE FROM approvals WHERE week = @week AND via = @via
    AND unit_id IN (SELECT value FROM ${d.texts("@ids")})
  RETURNING unit_id, week, via, approved_by, approved_by_name, approved_at`,
);

export const approvalStatements = {
  inWeeks: async (sql: Sql, unitIds: readonly string[], from: string, to: string) =>
    (await sql.all<ApprovalRow>(IN_WEEKS, { ids: sql.dialect.list(unitIds), from, to })).map(toApproval),
  /** The approvals that lock any of these reports (unit and date), with the report's date. */
  locking: async (sql: Sql, reports: readonly { unitId: string; date: string }[]) => {
    const found: (Approval & { date: string })[] = [];
    const weekOf = new Map<string, string>();
    for (const { date } of reports) if (!weekOf.has(date)) weekOf.set(date, weekLabel(date));
    if (weekOf.size === 0) return found;
    // Only the reports of weeks someone approved are joined: a file of this week's figures joins none.
    const approved = await foundValues(sql, WEEKS_APPROVED, weekOf.values());
    const inApproved = reports.filter((r) => approved.has(weekOf.get(r.date) as string));
    for (const chunk of chunked(inApproved)) {
      const keys = chunk.map((r) => ({ unitId: r.unitId, date: r.date, week: weekOf.get(r.date) }));
      for (const row of await sql.all<ApprovalRow & { date: string }>(LOCKING, {
        keys: JSON.stringify(keys),
      }))
        found.push({ ...toApproval(row), date: row.date });
    }
    return found;
  },
  approve: async (
    sql: Sql,
    unitIds: readonly string[],
    week: string,
    via: string,
    by: { userId: number | null; username: string; at: string },
  ) =>
    (
      await sql.run(APPROVE, {
        ids: sql.dialect.list(unitIds),
        week,
        via,
        userId: by.userId,
        username: by.username,
        at: by.at,
      })
    ).changes,
  /** Removes the approvals given at one level (`via`) for the units' week. */
  reopen: async (sql: Sql, unitIds: readonly string[], week: string, via: string) =>
    (await sql.all<ApprovalRow>(REOPEN, { ids: sql.dialect.list(unitIds), week, via })).map(toApproval),
};
