import type { Context } from "hono";
import { authorize } from "../auth/middleware.ts";
import { vietnamDate } from "../domain/dates.ts";
import { can, type User } from "../domain/roles.ts";
import type { AppEnv } from "../env.ts";
import type { Store } from "../store/store.ts";

/**
 * Whether an admin manages what is bound to `unitId` today (an account, a program's token): within
 * its part of the tree; the whole area (null) only for an admin bound to none (roles.ts `can`).
 */
export const managesUnit = (admin: User, unitId: string | null, now: () => number) =>
  can(admin, "manageUsers", { unitId, date: vietnamDate(now()) });

/** The signed-in admin, or a 403 audited as a permission denial when `unitId` is outside its part. */
export const mayManageUnit = (
  c: Context<AppEnv>,
  store: Store,
  now: () => number,
  unitId: string | null,
  what: string,
) => authorize(c, store, (admin) => managesUnit(admin, unitId, now), { action: what, unitId });
