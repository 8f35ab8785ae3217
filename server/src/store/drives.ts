import type Database from "better-sqlite3";
import type { Drive, DriveInput, DriveStatus } from "../domain/drives.ts";

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
  id: row.id,
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

export function driveStatements(db: Database.Database) {
  const list = db.prepare<Record<string, unknown>, DriveRow>(
    `SELECT * FROM drives
     WHERE (@ids IS NULL OR unit_id IN (SELECT value FROM json_each(@ids)))
       AND (@status IS NULL OR status = @status)
       AND (@from IS NULL OR date >= @from)
       AND (@to IS NULL OR date <= @to)
     ORDER BY date, start_time, id`,
  );
  const one = db.prepare<[number], DriveRow>("SELECT * FROM drives WHERE id = ?");
  const insert = db.prepare(
    `INSERT INTO drives (unit_id, village_id, date, start_time, end_time, team, planned, status, registrations, linked, notes)
     VALUES (@unitId, @villageId, @date, @startTime, @endTime, @team, @planned, @status, @registrations, @linked, @notes)`,
  );
  const update = db.prepare(
    `UPDATE drives SET unit_id = @unitId, village_id = @villageId, date = @date, start_time = @startTime,
       end_time = @endTime, team = @team, planned = @planned, status = @status, registrations = @registrations,
       linked = @linked, notes = @notes, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
  );
  const remove = db.prepare("DELETE FROM drives WHERE id = ?");
  return {
    list: (filter: DriveFilter) =>
      list
        .all({
          ids: filter.unitIds ? JSON.stringify(filter.unitIds) : null,
          status: filter.status ?? null,
          from: filter.from ?? null,
          to: filter.to ?? null,
        })
        .map(toDrive),
    one: (id: number) => {
      const row = one.get(id);
      return row && toDrive(row);
    },
    insert: (drive: DriveInput) => Number(insert.run(drive).lastInsertRowid),
    update: (id: number, drive: DriveInput) => update.run({ ...drive, id }),
    remove: (id: number) => remove.run(id),
  };
}
