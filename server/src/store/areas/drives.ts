import type { Drive, DriveInput } from "../../domain/drives.ts";
import type { Actor } from "../audit.ts";
import { type DriveFilter, driveStatements as drives } from "../drives.ts";
import type { Sql } from "../sql/sql.ts";
import type { StoreContext } from "./context.ts";

export interface DriveArea {
  listDrives(filter: DriveFilter): Promise<Drive[]>;
  getDrive(id: number): Promise<Drive | undefined>;
  /** Drive changes are audited with before and after, in the same transaction. */
  createDrive(drive: DriveInput, actor: Actor): Promise<Drive>;
  updateDrive(id: number, drive: DriveInput, actor: Actor): Promise<Drive>;
  deleteDrive(id: number, actor: Actor): Promise<boolean>;
  /** Adds drives as they are (the demo data); not audited. */
  insertDrives(drives: readonly DriveInput[]): Promise<void>;
}

export function driveArea(ctx: StoreContext): DriveArea {
  const existing = async (tx: Sql, id: number) => {
    const drive = await drives.one(tx, id);
    if (!drive) throw new Error(`no drive ${id}`);
    return drive;
  };
  const entry = (action: string, drive: Drive) => ({
    action: `drive.${action}`,
    entity: "drive",
    entityId: String(drive.id),
    unitId: drive.unitId,
  });
  return {
    listDrives: (filter) => drives.list(ctx.sql, filter),
    getDrive: (id) => drives.one(ctx.sql, id),
    createDrive: (input, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const created = await existing(tx, await drives.insert(tx, input));
        log({ ...entry("create", created), after: created });
        return created;
      }),
    updateDrive: (id, input, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const before = await existing(tx, id);
        await drives.update(tx, id, input);
        const after = await existing(tx, id);
        log({ ...entry("update", after), before, after });
        return after;
      }),
    deleteDrive: (id, actor) =>
      ctx.audited(actor, null, async (tx, log) => {
        const before = await drives.one(tx, id);
        if (!before) return false;
        await drives.remove(tx, id);
        log({ ...entry("delete", before), before });
        return true;
      }),
    insertDrives: (list) => ctx.write(null, (tx) => drives.insertMany(tx, list)),
  };
}
