import type { Drive, DriveInput, DriveStatus } from "../domain/drives.ts";
import { chunked, type Params, type Sql, statement } from "./sql/sql.ts";

interface DriveRow {
  id: number;
  unit_id: string;
  village_id: string | null;
  date: string;
  start_time: string | null;
  end_time: string | null;
  team: string;
  planned: number;
  status: DriveStatus;
  registrations: number | null;
  linked: number | null;
  notes: string;
}

const toDrive = (row: DriveRow): Drive => ({
  id: Number(row.id),
  unitId: row.unit_id,
  villageId: row.village_id,
  date: row.date,
  startTime: row.start_time,
  endTime: row.end_time,
  team: row.team,
  planned: row.planned,
  status: row.status,
  registrations: row.registrations,
  linked: row.linked,
  notes: row.notes,
});

export interface DriveFilter {
  /** Drives in these communes (all when absent). */
  unitIds?: readonly string[];
  status?: DriveStatus;
  from?: string;
  to?: string;
}

const LIST = statement(
  (d) => `SELECT * FROM drives
   WHERE (CAST(@ids AS TEXT) IS NULL OR unit_id IN (SELECT value FROM ${d.texts("@ids")}))
     AND (CAST(@status AS TEXT) IS NULL OR status = @status)
     AND (CAST(@from AS TEXT) IS NULL OR date >= @from)
     AND (CAST(@to AS TEXT) IS NULL OR date <= @to)
   ORDER BY date, start_time, id`,
);
const ONE = statement("SELECT * FROM drives WHERE id = @id");
const INSERT = statement(
  `INSERT INTO drives (unit_id, village_id, date, start_time, end_time, team, planned, status, registrations, linked, notes)
   VALUES (@unitId, @villageId, @date, @startTime, @endTime, @team, @planned, @status, @registrations, @linked, @notes)
   RETURNING id`,
);
const INSERT_MANY = statement(
  (
    d,
  ) => `INSERT INTO drives (unit_id, village_id, date, start_time, end_time, team, planned, status, registrations, linked, notes)
   SELECT value ->> 'unitId', value ->> 'villageId', value ->> 'date', value ->> 'startTime', value ->> 'endTime',
     value ->> 'team', CAST(value ->> 'planned' AS INTEGER), value ->> 'status',
     CAST(value ->> 'registrations' AS INTEGER), CAST(value ->> 'linked' AS INTEGER), value ->> 'notes'
   FROM ${d.objects("@drives")}`,
);
const UPDATE = statement(
  `UPDATE drives SET unit_id = @unitId, village_id = @villageId, date = @date, start_time = @startTime,
     end_time = @endTime, team = @team, planned = @planned, status = @status, registrations = @registrations,
     linked = @linked, notes = @notes, updated_at = @now
   WHERE id = @id`,
);
const REMOVE = statement("DELETE FROM drives WHERE id = @id");

const fields = (drive: DriveInput): Params => ({
  unitId: drive.unitId,
  villageId: drive.villageId,
  date: drive.date,
  startTime: drive.startTime,
  endTime: drive.endTime,
  team: drive.team,
  planned: drive.planned,
  status: drive.status,
  registrations: drive.registrations,
  linked: drive.linked,
  notes: drive.notes,
});

export const driveStatements = {
  list: async (sql: Sql, filter: DriveFilter) =>
    (
      await sql.all<DriveRow>(LIST, {
        ids: filter.unitIds ? sql.dialect.list(filter.unitIds) : null,
        status: filter.status ?? null,
        from: filter.from ?? null,
        to: filter.to ?? null,
      })
    ).map(toDrive),
  one: async (sql: Sql, id: number) => {
    const row = await sql.get<DriveRow>(ONE, { id });
    return row && toDrive(row);
  },
  insert: async (sql: Sql, drive: DriveInput) => {
    const row = await sql.get<{ id: number }>(INSERT, fields(drive));
    return Number(row?.id);
  },
  insertMany: async (sql: Sql, drives: readonly DriveInput[]) => {
    for (const chunk of chunked(drives)) await sql.run(INSERT_MANY, { drives: JSON.stringify(chunk) });
  },
  update: (sql: Sql, id: number, drive: DriveInput) =>
    sql.run(UPDATE, { ...fields(drive), id, now: new Date().toISOString() }),
  remove: (sql: Sql, id: number) => sql.run(REMOVE, { id }),
};
