export const ROLES = ["admin", "police", "commune", "youth", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** A user as the app sees it: never with the password hash. */
export interface User {
  id: number;
  username: string;
  role: Role;
  /** The commune a `commune` user (and optionally a `youth` user) answers for. */
  unitId: string | null;
  disabled: boolean;
  createdAt: string;
}

/** Report writes and imports: admin and police anywhere, a commune user in their own commune. */
export function canWriteReports(user: User, unitId: string): boolean {
  if (user.role === "admin" || user.role === "police") return true;
  return user.role === "commune" && user.unitId === unitId;
}

/**
 * Drives: admin and police anywhere, youth within their commune or, without one, within the
 * deployment's area (`inArea`: the communes under the home unit), commune users in their commune.
 */
export function canWriteDrives(user: User, unitId: string, inArea: (unitId: string) => boolean): boolean {
  if (user.role === "admin" || user.role === "police") return true;
  if (user.role === "youth") return user.unitId === null ? inArea(unitId) : user.unitId === unitId;
  return user.role === "commune" && user.unitId === unitId;
}

/** Deleting a report (a revision keeps the old values; a deletion is for a report entered in error). */
export const canDeleteReports = (user: User) => user.role === "admin" || user.role === "police";
/** Importing files: the roles that write reports (a commune user's file may only hold their commune). */
export const canImportReports = (user: User) =>
  user.role === "admin" || user.role === "police" || user.role === "commune";

export const canManageUsers = (user: User) => user.role === "admin";
export const canEditCampaign = (user: User) => user.role === "admin";
export const canReadAudit = (user: User) => user.role === "admin" || user.role === "police";
