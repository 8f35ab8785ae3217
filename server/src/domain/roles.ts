import type { AccountLanguage, ReminderChannel } from "./contacts.ts";
import { isReportingUnit } from "./tree.ts";
import type { Unit } from "./types.ts";

export const ROLES = ["admin", "police", "commune", "youth", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** A user as the app sees it: never with the password hash. */
export interface User {
  id: number;
  username: string;
  role: Role;
  /**
   * The unit the user answers for: a `commune` user's commune (a `youth` team's, optionally); the
   * province, district or commune of a `police`, `admin` or `viewer` account; null: the whole area.
   */
  unitId: string | null;
  /** The version of that unit (the day it began; null: from the start): codes are reused. */
  unitFrom: string | null;
  /**
   * The unit versions the user answers for, each valid over [validFrom, validTo): a commune's and,
   * once it has ended (a reorganisation), the communes that now cover it, from the change on, until
   * an admin reassigns the account; a district's or a province's and everything under it. Set by the
   * server on each request (auth/middleware.ts withVersions).
   */
  versions?: readonly UnitVersionRange[];
  /**
   * A program's token (Authorization: Bearer): the only actions it may take, each within its unit
   * (`unitId`, its versions as for a commune account) or, without one, anywhere in the area.
   */
  actions?: readonly Action[];
  /** The person's name and phone, as the bulk list gave them (null: not given). */
  fullName: string | null;
  phone: string | null;
  /** Where reminders reach the person (docs/reminders.md): e-mail, the channel preferred, the language. */
  email: string | null;
  reminderChannel: ReminderChannel | null;
  language: AccountLanguage;
  /** Made with a one-time password (the bulk list) or reset by an admin: sets its own at the next sign-in. */
  mustChangePassword: boolean;
  /** Signs in with a second factor (TOTP) as well as the password. */
  secondFactor: boolean;
  /**
   * What a signed-in session must do before anything else (auth/pending-step.ts): change the
   * one-time password, or enrol a second factor its role requires. Set by the server per request.
   */
  pending?: PendingStep;
  disabled: boolean;
  createdAt: string;
}

export type PendingStep = "password" | "secondFactor";

/** What a program's token may be allowed: writing figures and drives, never accounts or settings. */
export const TOKEN_ACTIONS = [
  "writeReports",
  "importReports",
  "planDrives",
] as const satisfies readonly Action[];

/** A unit version as rights are checked against it: a code over [validFrom, validTo). */
export interface UnitVersionRange {
  id: string;
  validFrom: string | null;
  validTo: string | null;
}

/** What a user acts on: a unit's code and, on the server always, the date the figures or drive are of. */
export interface Target {
  /** A unit's code; null: the whole area (an account or a token bound to no unit). */
  unitId: string | null;
  /** Without it (the web, hiding what the server would refuse): any version of the code. */
  date?: string;
}

/** What a user may do; `can` answers for each, the server enforces it, the web only hides what it refuses. */
export const ACTIONS = [
  "writeReports",
  "importReports",
  "deleteReports",
  "planDrives",
  "manageUsers",
  "editCampaign",
  "manageUnits",
  "approveWeeks",
  "sendReminders",
  "readAudit",
  "readPrivate",
] as const;
export type Action = (typeof ACTIONS)[number];

/** The roles that answer for one commune: a commune user always, a youth team optionally. */
export const hasCommune = (role: Role) => role === "commune" || role === "youth";

/**
 * Why an account of `role` cannot be bound to `unit` (the unit valid today of the code asked, or
 * undefined when there is none), or null when it can: a commune or youth account to a commune,
 * town or ward; a police, admin or viewer account to any unit of the area but a village.
 */
export function bindingProblem(role: Role, code: string, unit: Unit | undefined): string | null {
  if (hasCommune(role))
    return unit && isReportingUnit(unit) ? null : `${code} is not the code of a commune, town or ward`;
  return unit && unit.kind !== "village" ? null : `${code} is not the code of a unit of the area today`;
}

/**
 * Whether `user` may do `action` on the unit `target` (or, without one, anywhere at all). Every
 * account may be bound to a unit: `police`, `admin` and `viewer` accounts act within its subtree
 * (User.versions: the unit versions under it over time), or everywhere when bound to none.
 * - reports: police and admin in their part of the tree, a commune user in their own commune;
 *   deleting is police and admin in their part;
 * - drives: police and admin in their part, a youth team in its commune or, without one, within the
 *   deployment's area (`inArea`: the communes under the home unit), a commune user in their commune;
 * - approving weeks and sending reminders of missing reports: police and admin in their part; the audit log: police and admin bound to no unit;
 * - accounts and tokens: an admin, for those bound within its part (`target`: the account's unit;
 *   null, the whole area, only for an admin bound to no unit);
 * - the campaign and the area's units: an admin bound to no unit;
 * - private details (a drive's team and notes, the history of every report): any account in its
 *   part of the tree, everywhere when bound to none; the public and programs' tokens never.
 * A bound user's units are the versions valid on the target's date among User.versions: a commune
 * account's commune and, after it ended, the communes that cover it from the change on, never an
 * earlier version that shares a successor's code.
 */
export function can(
  user: User | null,
  action: Action,
  target?: Target,
  inArea: (unitId: string) => boolean = () => true,
): boolean {
  if (!user) return false;
  if (user.actions) {
    if (!user.actions.includes(action)) return false;
    return user.unitId === null || target === undefined || actsFor(user, target);
  }
  const everywhere = user.unitId === null;
  const own = target === undefined || actsFor(user, target);
  const officer = (user.role === "admin" || user.role === "police") && (everywhere || own);
  const unitId = target?.unitId;
  switch (action) {
    case "writeReports":
      return officer || (user.role === "commune" && own);
    case "importReports":
      return officer || user.role === "commune";
    case "deleteReports":
    case "approveWeeks":
    case "sendReminders":
      return officer;
    case "readAudit":
      return officer && everywhere;
    case "planDrives":
      if (officer) return true;
      if (user.role === "youth") return user.unitId === null ? unitId == null || inArea(unitId) : own;
      return user.role === "commune" && own;
    case "manageUsers":
      return user.role === "admin" && (everywhere || own);
    case "editCampaign":
    case "manageUnits":
      return user.role === "admin" && everywhere;
    case "readPrivate":
      return everywhere || own;
  }
}

/** Whether the target is one of the unit versions the user answers for. */
function actsFor(user: User, { unitId, date }: Target): boolean {
  const versions =
    user.versions ?? (user.unitId ? [{ id: user.unitId, validFrom: user.unitFrom, validTo: null }] : []);
  return versions.some(
    (v) =>
      v.id === unitId &&
      (date === undefined || ((v.validFrom ?? "") <= date && (v.validTo === null || date < v.validTo))),
  );
}

/** The codes of the communes that cover an ended commune's account today (empty while it is valid). */
export const successorCodes = (user: User): string[] =>
  hasCommune(user.role) ? (user.versions ?? []).slice(1).map((v) => v.id) : [];
