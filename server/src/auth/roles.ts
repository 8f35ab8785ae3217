export const ROLES = ["admin", "police", "commune", "youth", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** A user as the app sees it: never with the password hash. */
export interface User {
  id: number;
  username: string;
  role: Role;
  /** The commune a `commune` user (and optionally a `youth` user) answers for. */
  unitId: string | null;
  /**
   * When that commune has ended (a reorganisation): the communes that now cover it, which the user
   * answers for too until an admin reassigns the account.
   */
  successors?: readonly string[];
  disabled: boolean;
  createdAt: string;
}

/** What a user may do; `can` answers for each, the server enforces it, the web only hides what it refuses. */
export type Action =
  | "writeReports"
  | "importReports"
  | "deleteReports"
  | "planDrives"
  | "manageUsers"
  | "editCampaign"
  | "manageUnits"
  | "approveWeeks"
  | "readAudit";

/** The roles that answer for one commune: a commune user always, a youth team optionally. */
export const hasCommune = (role: Role) => role === "commune" || role === "youth";

/**
 * Whether `user` may do `action` on the commune `unitId` (or, without one, anywhere at all):
 * - reports: admin and police anywhere, a commune user in their own commune; deleting is admin and police;
 * - drives: admin and police anywhere, a youth team in its commune or, without one, within the
 *   deployment's area (`inArea`: the communes under the home unit), a commune user in their commune;
 * - users, the campaign and the area's units: admin; the audit log and approving weeks: admin and police.
 * A commune's own unit includes the communes that cover it after it ended (User.successors).
 */
export function can(
  user: User | null,
  action: Action,
  unitId?: string,
  inArea: (unitId: string) => boolean = () => true,
): boolean {
  if (!user) return false;
  const anywhere = user.role === "admin" || user.role === "police";
  const own = unitId === undefined || user.unitId === unitId || (user.successors ?? []).includes(unitId);
  switch (action) {
    case "writeReports":
      return anywhere || (user.role === "commune" && own);
    case "importReports":
      return anywhere || user.role === "commune";
    case "deleteReports":
    case "approveWeeks":
    case "readAudit":
      return anywhere;
    case "planDrives":
      if (anywhere) return true;
      if (user.role === "youth") return user.unitId === null ? unitId === undefined || inArea(unitId) : own;
      return user.role === "commune" && own;
    case "manageUsers":
    case "editCampaign":
    case "manageUnits":
      return user.role === "admin";
  }
}
