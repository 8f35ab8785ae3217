import { baselineChange } from "../domain/baseline-change.ts";
import { countValue } from "../domain/counts.ts";
import { isIsoDate } from "../domain/dates.ts";
import { byDate, sameFigures } from "../domain/history.ts";
import { makeProblem } from "../domain/problem-text.ts";
import {
  advance,
  checkAgainstHistory,
  checkShape,
  earliestReportDate,
  type HistoryContext,
  type Problem,
  type ReportInput,
} from "../domain/report-validation.ts";
import type { UnitTree } from "../domain/tree.ts";
import type { Campaign, Report, Unit } from "../domain/types.ts";
import { otherVersion, type UnitHistory, versionKey } from "../domain/unit-history.ts";
import { nameKey, unitMatcher } from "../domain/unit-names.ts";
import { parseDate } from "./cells.ts";
import { type Column, mapHeader } from "./columns.ts";
import { rowCells, type Table } from "./read-table.ts";

export type Change = "create" | "revise" | "unchanged";

export interface ImportRow {
  /** The row (line) number in the file, as a spreadsheet shows it. */
  row: number;
  values: { unitId: string | null; unitName: string | null; date: string } & Record<
    "population" | "level2" | "dual" | "linked",
    unknown
  >;
  errors: Problem[];
  warnings: Problem[];
  /** What writing the row would do; null while it has errors. */
  change: Change | null;
}

/** Rows an answer carries at most: a 200,000-row file answers with its summary, not every row. */
export const ANSWERED_ROWS = 200;

export interface ImportPlan {
  /**
   * The rows an answer may show, in file order: those with errors, then those with warnings, then
   * the others, up to ANSWERED_ROWS (every row of a smaller file). A large file's other rows are
   * not kept: they are in `reports` and `summary`.
   */
  rows: ImportRow[];
  /** The rows without errors, as reports to write. */
  reports: Report[];
  /** The unit and date of each row with errors whose unit was found: with `reports`, every row's. */
  refusedTargets: { unitId: string; date: string }[];
  ignoredColumns: string[];
  summary: {
    rows: number;
    withErrors: number;
    withWarnings: number;
    create: number;
    revise: number;
    unchanged: number;
  };
}

export class BadHeader extends Error {
  constructor(
    readonly missing: Column[],
    readonly found: string[],
  ) {
    super(
      `The header row lacks ${missing.join(", ")}; it has ${found.map((h) => JSON.stringify(h)).join(", ") || "nothing"}.`,
    );
  }
}

/**
 * Checks every row of an import against the rules and the units' histories, without writing:
 * a row's previous report may come from the database or from an earlier date in the same file.
 * A row's unit is the version valid on the row's date: a 2024 file with the old codes and a 2025
 * file with the new ones go into the same deployment. `loadHistories` gives the current reports of
 * the unit versions the file names (across changes of units), sorted by date, by version key.
 */
export async function planImport(
  table: Table,
  units: UnitHistory,
  loadHistories: (versions: readonly Unit[]) => Promise<ReadonlyMap<string, readonly Report[]>>,
  today: string,
  campaign: Campaign,
): Promise<ImportPlan> {
  const earliest = earliestReportDate(campaign.start);
  const header = mapHeader(table.header);
  if (header.missing.length > 0) throw new BadHeader(header.missing, table.header);
  const cell = (cells: unknown[], column: Column) => {
    const i = header.index[column];
    return i === undefined ? null : (cells[i] ?? null);
  };
  const matchers = new Map<UnitTree, ReturnType<typeof unitMatcher>>();
  const matcherOn = (date: string | null) => {
    const tree = units.treeOn(date && isIsoDate(date) ? date : today);
    let matcher = matchers.get(tree);
    if (!matcher) {
      matcher = unitMatcher(tree.units);
      matchers.set(tree, matcher);
    }
    return matcher;
  };
  // The first row of each unit version and date: by version, then date (no key strings to build).
  const seen = new Map<Unit, Map<string, number>>();
  // A row becomes an object of its own only when it is refused: 100,000 clean rows are 100,000 reports.
  const refused: ImportRow[] = [];
  const valid: Valid[] = [];

  const check = (line: number, cells: unknown[]): ImportRow | Valid => {
    const code = cell(cells, "unit_code") === null ? "" : String(cell(cells, "unit_code")).trim();
    const name = cell(cells, "unit_name") === null ? "" : String(cell(cells, "unit_name")).trim();
    const values: ImportRow["values"] = {
      unitId: null,
      unitName: name || null,
      date: parseDate(cell(cells, "date")),
      population: countValue(cell(cells, "population")),
      level2: countValue(cell(cells, "level2")),
      dual: countValue(cell(cells, "dual")),
      linked: countValue(cell(cells, "linked")),
    };
    const refuse = (...errors: Problem[]): ImportRow => ({
      row: line,
      values,
      errors,
      warnings: [],
      change: null,
    });
    if (cells.length > table.header.length) {
      const extra = cells.slice(table.header.length).filter((c) => c !== null && String(c).trim() !== "");
      if (extra.length > 0) {
        return refuse(
          makeProblem("row", "TOO_MANY_CELLS", {
            row: line,
            cells: table.header.length + extra.length,
            header: table.header.length,
            extra: extra.map((c) => JSON.stringify(String(c))).join(", "),
          }),
        );
      }
    }
    const found = matcherOn(values.date)(code, name);
    const elsewhen =
      "error" in found && code && values.date && isIsoDate(values.date)
        ? otherVersion(units, code, values.date)
        : undefined;
    if (elsewhen) {
      return refuse(...checkShape({ ...values, unitId: code }, undefined, today, earliest, elsewhen).errors);
    }
    if ("error" in found) {
      const field = code ? "unit_code" : "unit_name";
      const given = code || name;
      const candidates = found.candidates.map((u) => `${u.name} (${u.id})`).join(" / ");
      return refuse(makeProblem(field, found.error, { [field]: given, candidates }));
    }
    if (code && name && nameKey(name) !== nameKey(found.unit.name)) {
      return refuse(
        makeProblem("unit_name", "CODE_NAME_MISMATCH", {
          unit_code: code,
          unit_name: name,
          codeName: found.unit.name,
        }),
      );
    }
    values.unitId = found.unit.id;
    values.unitName = found.unit.name;
    const shape = checkShape(values as ReportInput, found.unit, today, earliest);
    const errors = shape.errors;
    let dates = seen.get(found.unit);
    if (!dates) {
      dates = new Map();
      seen.set(found.unit, dates);
    }
    const first = dates.get(values.date);
    if (first !== undefined) {
      errors.push(
        makeProblem("date", "DUPLICATE_ROW", { date: values.date, firstRow: first, name: found.unit.name }),
      );
    } else {
      dates.set(values.date, line);
    }
    if (errors.length > 0 || !shape.report) return refuse(...errors);
    return { line, report: shape.report, version: found.unit, warnings: NO_PROBLEMS, change: "create" };
  };
  for (let i = 0; i < table.lines.length; i++) {
    const checked = check(table.lines[i] as number, rowCells(table, i));
    if ("errors" in checked) refused.push(checked);
    else valid.push(checked);
  }

  const byVersion = new Map<Unit, Valid[]>();
  for (const entry of valid) {
    const entries = byVersion.get(entry.version);
    if (entries) entries.push(entry);
    else byVersion.set(entry.version, [entry]);
  }
  checkHistories(byVersion, await loadHistories([...byVersion.keys()]), campaign);
  return {
    rows: answerable(refused, valid),
    reports: valid.map((v) => v.report),
    refusedTargets: refused.flatMap((row) =>
      row.values.unitId === null ? [] : [{ unitId: row.values.unitId, date: row.values.date }],
    ),
    ignoredColumns: header.ignored,
    summary: {
      rows: table.lines.length,
      withErrors: refused.length,
      withWarnings: valid.filter((v) => v.warnings.length > 0).length,
      create: valid.filter((v) => v.change === "create").length,
      revise: valid.filter((v) => v.change === "revise").length,
      unchanged: valid.filter((v) => v.change === "unchanged").length,
    },
  };
}

const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

/** A row without errors: its report, its unit version, and what the history says of it. */
interface Valid {
  line: number;
  report: Report;
  version: Unit;
  warnings: readonly Problem[];
  change: Change;
}

/** Walks each unit's reports, in the database and in the file, in date order, warning where needed. */
function checkHistories(
  byVersion: ReadonlyMap<Unit, readonly Valid[]>,
  histories: ReadonlyMap<string, readonly Report[]>,
  campaign: Campaign,
): void {
  for (const [version, entries] of byVersion) {
    const stored = histories.get(versionKey(version)) ?? [];
    const current = new Map(stored.map((r) => [r.date, r]));
    const incoming = new Map(entries.map((entry) => [entry.report.date, entry]));
    const timeline = new Map(current);
    for (const { report } of entries) timeline.set(report.date, report);
    const after = [...timeline.values()].sort(byDate);
    const context: HistoryContext = { previous: undefined, largestDailyGain: 0, intervals: 0 };
    for (const report of after) {
      const entry = incoming.get(report.date);
      if (entry) {
        const warnings = checkAgainstHistory(report, context);
        if (warnings.length > 0) entry.warnings = warnings;
        const before = current.get(report.date);
        entry.change = !before ? "create" : sameFigures(before, report) ? "unchanged" : "revise";
      }
      advance(context, report);
    }
    const baseline = baselineChange(version, stored, after, campaign);
    const entry = baseline && (incoming.get(baseline.values.date as string) ?? entries[0]);
    if (baseline && entry) entry.warnings = [...entry.warnings, baseline];
  }
}

/**
 * The rows an answer may show (see ImportPlan.rows), in file order: the refused ones as they are,
 * the chosen valid ones made into rows.
 */
function answerable(refused: readonly ImportRow[], valid: readonly Valid[]): ImportRow[] {
  const room = Math.max(0, ANSWERED_ROWS - refused.length);
  const warned = valid.filter((v) => v.warnings.length > 0).slice(0, room);
  const clean = valid.filter((v) => v.warnings.length === 0).slice(0, room - warned.length);
  return [...refused.slice(0, ANSWERED_ROWS), ...[...warned, ...clean].map(validRow)].sort(
    (a, b) => a.row - b.row,
  );
}

const validRow = ({ line, report, version, warnings, change }: Valid): ImportRow => ({
  row: line,
  values: {
    unitId: report.unitId,
    unitName: version.name,
    date: report.date,
    population: report.population,
    level2: report.level2,
    dual: report.dual,
    linked: report.linked,
  },
  errors: [],
  warnings: [...warnings],
  change,
});
