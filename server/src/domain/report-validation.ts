import { daysBetween, isIsoDate } from "./dates.ts";
import { makeProblem, type Problem } from "./problem-text.ts";
import { isReportingUnit } from "./tree.ts";
import type { Report, Unit } from "./types.ts";
import type { OtherVersion } from "./unit-history.ts";

export type { Problem };

export interface ReportCheck {
  /** Block the report. */
  errors: Problem[];
  /** Need an explicit confirmation. */
  warnings: Problem[];
  /** The report with its counts as numbers, when there is no error. */
  report?: Report;
}

/** A report as submitted: counts may be anything until checked. */
export interface ReportInput {
  unitId: string;
  date: string;
  population: unknown;
  level2: unknown;
  dual: unknown;
  linked: unknown;
}

export const COUNT_FIELDS = ["population", "level2", "dual", "linked"] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

/** A daily gain this many times the unit's largest so far (and above 1% of its population) asks for a check. */
export const JUMP_FACTOR = 3;
const MIN_INTERVALS_FOR_JUMP = 3;

/** What the history says before a report's date: its previous report and the largest daily gain so far. */
export interface HistoryContext {
  previous: Report | undefined;
  largestDailyGain: number;
  /** Intervals between reports that the largest gain was measured over. */
  intervals: number;
}

/** The context of a report on `date` from the unit's reports sorted by date. */
export function historyBefore(history: readonly Report[], date: string): HistoryContext {
  const context: HistoryContext = { previous: undefined, largestDailyGain: 0, intervals: 0 };
  for (const report of history) {
    if (report.date >= date) break;
    advance(context, report);
  }
  return context;
}

/** Moves the context past `report` (the next one in date order). */
export function advance(context: HistoryContext, report: Report): void {
  const { previous } = context;
  if (previous) {
    const gain = (report.level2 - previous.level2) / Math.max(1, daysBetween(previous.date, report.date));
    context.largestDailyGain = Math.max(context.largestDailyGain, gain);
    context.intervals++;
  }
  context.previous = report;
}

/** More people than this in one commune is a typo (the largest communes have a few hundred thousand). */
export const MAX_COUNT = 10_000_000;

/** The first day a report may describe: 1 January of the campaign's start year. */
export const earliestReportDate = (campaignStart: string) => `${campaignStart.slice(0, 4)}-01-01`;

/**
 * The rules a report must pass (docs/figures.md, "Checking a report"). `history` is the unit's other
 * reports sorted by date (a report already on `input.date` is left out: this one revises it);
 * `today` is the reporting day where the district is, `earliest` the first day a report may describe.
 */
export function checkReport(
  input: ReportInput,
  unit: Unit | undefined,
  history: readonly Report[],
  today: string,
  earliest: string,
  /** The code's version at another time, when none is valid on the report's date. */
  elsewhen?: OtherVersion,
): ReportCheck {
  const { errors, report } = checkShape(input, unit, today, earliest, elsewhen);
  if (!report) return { errors, warnings: [] };
  return { errors: [], warnings: checkAgainstHistory(report, historyBefore(history, input.date)), report };
}

/** The errors that block a report whatever its history; the report itself when there are none. */
export function checkShape(
  input: ReportInput,
  unit: Unit | undefined,
  today: string,
  earliest: string,
  elsewhen?: OtherVersion,
): { errors: Problem[]; report?: Report } {
  const errors: Problem[] = [];
  if (!unit && elsewhen) {
    errors.push(
      makeProblem("unitId", "UNIT_NOT_ON_DATE", {
        unitId: elsewhen.unit.id,
        name: elsewhen.unit.name,
        date: input.date,
        standing: elsewhen.standing,
        validFrom: elsewhen.unit.validFrom ?? null,
        validTo: elsewhen.unit.validTo ?? null,
        others: elsewhen.others,
      }),
    );
  } else if (!unit) {
    errors.push(
      makeProblem("unitId", "UNKNOWN_UNIT", {
        unitId: input.unitId,
      }),
    );
  } else if (!isReportingUnit(unit)) {
    errors.push(
      makeProblem("unitId", "NOT_REPORTING_UNIT", { unitId: unit.id, name: unit.name, kind: unit.kind }),
    );
  }
  if (!isIsoDate(input.date)) {
    errors.push(makeProblem("date", "INVALID_DATE", { date: input.date }));
  } else if (input.date < earliest) {
    errors.push(
      makeProblem("date", "DATE_TOO_EARLY", { date: input.date, earliest, year: earliest.slice(0, 4) }),
    );
  } else if (input.date > today) {
    errors.push(makeProblem("date", "FUTURE_DATE", { date: input.date, today }));
  }
  const counts: Partial<Record<CountField, number>> = {};
  for (const field of COUNT_FIELDS) {
    const value = input[field];
    if (typeof value !== "number" || !Number.isSafeInteger(value)) {
      errors.push(makeProblem(field, "NOT_WHOLE_NUMBER", { [field]: shown(value) }));
    } else if (value < 0) {
      errors.push(
        makeProblem(field, "NEGATIVE", {
          [field]: value,
        }),
      );
    } else if (value > MAX_COUNT) {
      errors.push(makeProblem(field, "COUNT_TOO_LARGE", { [field]: value, max: MAX_COUNT }));
    } else {
      counts[field] = value;
    }
  }
  const { level2, dual, linked } = counts;
  if (dual !== undefined && level2 !== undefined && dual > level2) {
    errors.push(makeProblem("dual", "DUAL_ABOVE_LEVEL2", { dual, level2 }));
  }
  if (linked !== undefined && dual !== undefined && linked > dual) {
    errors.push(makeProblem("linked", "LINKED_ABOVE_DUAL", { linked, dual }));
  }
  if (errors.length > 0) return { errors };
  return {
    errors,
    report: { unitId: input.unitId, date: input.date, ...(counts as Record<CountField, number>) },
  };
}

/** The warnings that need a confirmation: above 100%, lower than before, an unusual jump. */
export function checkAgainstHistory(report: Report, context: HistoryContext): Problem[] {
  const warnings: Problem[] = [];
  if (report.level2 > report.population) {
    warnings.push(
      makeProblem("level2", "LEVEL2_ABOVE_POPULATION", {
        level2: report.level2,
        population: report.population,
      }),
    );
  }
  const { previous } = context;
  if (!previous) return warnings;
  const populationRise = populationRose(report, previous);
  if (populationRise) warnings.push(populationRise);
  for (const field of COUNT_FIELDS) {
    if (report[field] < previous[field]) {
      warnings.push(
        makeProblem(field, "BELOW_PREVIOUS", {
          [field]: report[field],
          previous: previous[field],
          previousDate: previous.date,
        }),
      );
    }
  }
  const jump = unusualJump(report, context);
  if (jump) warnings.push(jump);
  return warnings;
}

/** The population in scope moves this much (share and people, both exceeded) before it asks for a check. */
export const POPULATION_CHANGE = { share: 0.02, people: 50 };

/**
 * A population far above the previous report's: it moves every rate, so it is confirmed, naming
 * both numbers (a fall is already confirmed as lower than the previous report).
 */
function populationRose(report: Report, previous: Report): Problem | null {
  const difference = report.population - previous.population;
  if (difference <= POPULATION_CHANGE.people || difference <= POPULATION_CHANGE.share * previous.population) {
    return null;
  }
  return makeProblem("population", "POPULATION_CHANGED", {
    population: report.population,
    previous: previous.population,
    previousDate: previous.date,
    difference,
    share: POPULATION_CHANGE.share * 100,
    people: POPULATION_CHANGE.people,
  });
}

/** A level-2 gain per day far above anything in the unit's history: a typo, or counts from another source. */
function unusualJump(report: Report, context: HistoryContext): Problem | null {
  const previous = context.previous as Report;
  if (context.intervals < MIN_INTERVALS_FOR_JUMP) return null;
  const gain = report.level2 - previous.level2;
  const perDay = gain / Math.max(1, daysBetween(previous.date, report.date));
  if (perDay <= JUMP_FACTOR * context.largestDailyGain || gain <= 0.01 * report.population) return null;
  const rounded = Math.round(perDay * 10) / 10;
  const largest = Math.round(context.largestDailyGain * 10) / 10;
  return makeProblem("level2", "UNUSUAL_JUMP", {
    level2: report.level2,
    previous: previous.level2,
    previousDate: previous.date,
    gain,
    perDay: rounded,
    largestPerDay: largest,
    factor: JUMP_FACTOR,
  });
}

const shown = (value: unknown): string | number | null =>
  value === undefined || value === null ? null : typeof value === "number" ? value : String(value);
