import type { Drive, DriveInput } from "../../domain/drives.ts";
import type { Actor } from "../audit.ts";
import { type DriveFilter, driveStatements } from "../drives.ts";
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
  const drives = driveStatements(ctx.db);
  const existing = (id: number) => {
    const drive = drives.one(id);
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
    listDrives: async (filter) => drives.list(filter),
    getDrive: async (id) => drives.one(id),
    createDrive: async (input, actor) =>
      ctx.audited(actor, (log) => {
        const created = existing(drives.insert(input));
        log({ ...entry("create", created), after: created });
        return created;
      }),
    updateDrive: async (id, input, actor) =>
      ctx.audited(actor, (log) => {
        const before = existing(id);
        drives.update(id, input);
        const after = existing(id);
        log({ ...entry("update", after), before, after });
        return after;
      }),
    deleteDrive: async (id, actor) =>
      ctx.audited(actor, (log) => {
        const before = drives.one(id);
        if (!before) return false;
        drives.remove(id);
        log({ ...entry("delete", before), before });
        return true;
      }),
    insertDrives: async (list) => {
      ctx.db.transaction(() => {
        for (const drive of list) drives.insert(drive);
      })();
    },
  };
}
