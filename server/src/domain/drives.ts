import type { Assessment } from "./assessment-types.ts";
import { addDays, daysBetween, isIsoDate } from "./dates.ts";
import { compareNeed, shortfallAtDeadline } from "./overview.ts";
import { paceOn } from "./pace.ts";
import { makeProblem } from "./problem-text.ts";
import type { Problem } from "./report-validation.ts";
import { isReportingUnit } from "./tree.ts";
import type { Metric, Report, Unit } from "./types.ts";

export const DRIVE_STATUSES = ["planned", "done", "cancelled"] as const;
export type DriveStatus = (typeof DRIVE_STATUSES)[number];

export interface Drive {
  id: number;
  unitId: string;
  villageId: string | null;
  date: string;
  /** "HH:MM", local time. */
  startTime: string | null;
  endTime: string | null;
  team: string;
  planned: number;
  status: DriveStatus;
  /** Results, once done: level-2 registrations collected and accounts linked on site. */
  registrations: number | null;
  linked: number | null;
  notes: string;
}

export type DriveInput = Omit<Drive, "id">;

/** A drive as the public sees it: where, when and how many, not who runs it or their notes. */
export const publicDrive = <T extends Drive>(drive: T): T => ({ ...drive, team: "", notes: "" });

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The rules a drive must pass; each problem names the field and the value. With `today`, a drive
 * planned for a day already past is refused (it was held, done, or not: cancelled) — when it is new,
 * or when its date or status changes from `before` (a past drive still planned keeps its notes editable).
 */
export function checkDrive(
  input: DriveInput,
  unit: Unit | undefined,
  village: Unit | undefined,
  today?: string,
  before?: Pick<DriveInput, "date" | "status">,
): Problem[] {
  const moved = !before || before.date !== input.date || before.status !== input.status;
  const problems: Problem[] = [];
  const add = (field: string, code: string, values: Problem["values"]) =>
    problems.push(makeProblem(field, code, values));
  if (!unit)
    add("unitId", "UNKNOWN_UNIT", {
      unitId: input.unitId,
    });
  else if (!isReportingUnit(unit)) {
    add("unitId", "NOT_REPORTING_UNIT", { unitId: unit.id, name: unit.name, kind: unit.kind });
  }
  if (input.villageId !== null) {
    if (village?.kind !== "village") {
      add("villageId", "UNKNOWN_VILLAGE", {
        villageId: input.villageId,
      });
    } else if (village.parentId !== input.unitId) {
      add("villageId", "VILLAGE_NOT_IN_COMMUNE", {
        villageId: village.id,
        name: village.name,
        unitId: input.unitId,
        commune: unit?.name ?? input.unitId,
      });
    }
  }
  if (!isIsoDate(input.date)) add("date", "INVALID_DATE", { date: input.date });
  else if (today !== undefined && moved && input.status === "planned" && input.date < today)
    add("date", "PLANNED_IN_PAST", { date: input.date, today });
  for (const field of ["startTime", "endTime"] as const) {
    const value = input[field];
    if (value !== null && !TIME.test(value))
      add(field, "INVALID_TIME", {
        [field]: value,
      });
  }
  if (
    input.startTime &&
    input.endTime &&
    TIME.test(input.startTime) &&
    TIME.test(input.endTime) &&
    input.endTime <= input.startTime
  ) {
    add("endTime", "END_BEFORE_START", {
      startTime: input.startTime,
      endTime: input.endTime,
    });
  }
  if (input.team.trim() === "") add("team", "TEAM_REQUIRED", { team: input.team });
  for (const field of ["planned", "registrations", "linked"] as const) {
    const value = input[field];
    if (value === null && field !== "planned") continue;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
      add(field, "NOT_A_COUNT", { [field]: value ?? null });
    }
  }
  if (input.status === "done" && input.registrations === null) {
    add("registrations", "RESULTS_REQUIRED", { status: input.status });
  }
  return problems;
}

export interface DriveEffect {
  /** The commune's level-2 accounts gained per day over the reports of the 14 days before the drive, and after it. */
  paceBefore: number | null;
  paceAfter: number | null;
  /** Registrations collected against planned (1 = as planned); null without results or plan. */
  deliveredShare: number | null;
  /** The same as a whole percent (64 of 80 → 80). */
  deliveredPercent: number | null;
}

export const EFFECT_WINDOW_DAYS = 14;

/** What followed a drive: the commune's pace before against after, and what it delivered against its plan. */
export function driveEffect(drive: Drive, history: readonly Report[]): DriveEffect {
  const before = paceOn(history, drive.date, "coverage", EFFECT_WINDOW_DAYS);
  const after = paceOn(history, addDays(drive.date, EFFECT_WINDOW_DAYS), "coverage", EFFECT_WINDOW_DAYS);
  const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
  const share =
    drive.registrations !== null && drive.planned > 0 ? drive.registrations / drive.planned : null;
  return {
    paceBefore: round(before),
    paceAfter: round(after),
    deliveredShare: round(share),
    deliveredPercent: share === null ? null : Math.round(share * 100),
  };
}

export interface Suggestion {
  unit: Unit;
  /** The metric the suggestions are ranked on. */
  metric: Metric;
  /** Projected shortfall at the deadline at the current pace (the ranking key; an unknown pace counts the whole remaining). */
  shortfall: number;
  /** Accounts needed to get back on the trajectory (the second key). */
  gap: number;
  remaining: number;
  requiredPerDay: number | null;
  pacePerDay: number | null;
  /** The metric's rate and the trajectory's. */
  percent: string | null;
  expectedPercent: string | null;
  coveragePercent: string | null;
  /** People with both accounts still to link to be on the linking trajectory. */
  linkingGap: number | null;
  lastDrive: string | null;
  daysSinceLastDrive: number | null;
  /** Lagging on the metric. */
  lagging: boolean;
}

/**
 * Where the next drives matter most: communes with something remaining on `metric`, ranked by the
 * projected shortfall at the deadline, then by the accounts needed to get back on the trajectory.
 */
export function suggestDrives(
  communes: readonly ({ unit: Unit } & Assessment)[],
  drives: readonly Drive[],
  date: string,
  metric: Metric = "coverage",
): Suggestion[] {
  const lastDone = new Map<string, string>();
  for (const drive of drives) {
    if (drive.status !== "done" || drive.date > date) continue;
    const last = lastDone.get(drive.unitId);
    if (!last || drive.date > last) lastDone.set(drive.unitId, drive.date);
  }
  return communes
    .filter((c) => c.figures.reporting > 0 && c[metric].remaining > 0)
    .sort((a, b) => compareNeed(a, b, metric))
    .map((c) => {
      const status = c[metric];
      const lastDrive = lastDone.get(c.unit.id) ?? null;
      return {
        unit: c.unit,
        metric,
        shortfall: shortfallAtDeadline(status),
        gap: status.gapToExpected ?? 0,
        remaining: status.remaining,
        requiredPerDay: status.requiredPerDay,
        pacePerDay: status.pacePerDay,
        percent: status.percent,
        expectedPercent: status.expectedPercent,
        coveragePercent: c.coverage.percent,
        linkingGap: c.linking.gapToExpected,
        lastDrive,
        daysSinceLastDrive: lastDrive ? daysBetween(lastDrive, date) : null,
        lagging: status.lagging,
      };
    });
}
