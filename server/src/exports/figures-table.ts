import type { Assessment } from "../domain/assessment-types.ts";
import { documentFormat, flagText } from "../domain/flag-text.ts";
import { truncatedPercent } from "../domain/percent.ts";
import { vietnamTime } from "../domain/reporting-weeks.ts";
import type { Unit } from "../domain/types.ts";
import { formatMessage, type Language, MESSAGES } from "../messages/format.ts";
import { type Column, csvOf, type SheetSpec, sheetOf } from "./cells.ts";

type Line = { unit: Unit } & Assessment;
const num = (percent: string | null) => (percent === null ? null : Number(percent));

/** A week's approval of one commune's figures (absent: provisional). */
export type Approvals = ReadonlyMap<string, { by: string; at: string }>;

/**
 * The figures table's columns: the CSV's machine names and values (English, numbers as numbers), and
 * the workbook's, in the reader's language (flag names and sentences from the catalogue, real date
 * cells, number formats, widths, and totals with the truncated percents of the totals).
 */
function figuresColumns(language: Language, approvals: Approvals): Column<Line>[] {
  const t = MESSAGES[language];
  const c = t.exportColumns;
  const f = documentFormat(language);
  const reported = (line: Line, key: "population" | "level2" | "dual" | "linked") =>
    line.figures.reporting ? line.figures[key] : null;
  const sum = (lines: readonly Line[], key: "population" | "level2" | "dual" | "linked") =>
    lines.reduce((total, line) => total + (reported(line, key) ?? 0), 0);
  const totalPercent = (lines: readonly Line[], count: "level2" | "linked", base: "population" | "dual") =>
    num(truncatedPercent(sum(lines, count), sum(lines, base)));
  return [
    { key: "unit_code", label: c.unitCode, width: 11, value: (l) => l.unit.id },
    { key: "unit_name", label: c.unitName, width: 24, value: (l) => l.unit.name, total: () => c.total },
    { key: "date", label: c.date, width: 13, format: "date", value: (l) => l.figures.latestReport },
    {
      key: "population",
      label: c.population,
      width: 11,
      format: "integer",
      value: (l) => reported(l, "population"),
      total: (lines) => sum(lines, "population"),
    },
    {
      key: "level2",
      label: c.level2,
      width: 14,
      format: "integer",
      value: (l) => reported(l, "level2"),
      total: (lines) => sum(lines, "level2"),
    },
    {
      key: "coverage_percent",
      label: c.coverage,
      width: 12,
      format: "percent",
      value: (l) => num(l.coverage.percent),
      total: (lines) => totalPercent(lines, "level2", "population"),
    },
    {
      key: "coverage_change_points",
      label: c.change,
      width: 14,
      format: "decimal",
      value: (l) => l.coverage.weekChange?.points ?? null,
    },
    {
      key: "expected_percent",
      label: c.expected,
      width: 11,
      format: "percent",
      value: (l) => num(l.coverage.expectedPercent),
    },
    {
      key: "gap_to_expected",
      label: c.gap,
      width: 14,
      format: "integer",
      value: (l) => l.coverage.gapToExpected,
    },
    { key: "pace_per_day", label: c.pace, width: 12, format: "decimal", value: (l) => l.coverage.pacePerDay },
    {
      key: "required_per_day",
      label: c.required,
      width: 12,
      format: "decimal",
      value: (l) => l.coverage.requiredPerDay,
    },
    { key: "eta", label: c.eta, width: 13, format: "date", value: (l) => l.coverage.eta },
    {
      key: "dual",
      label: c.dual,
      width: 14,
      format: "integer",
      value: (l) => reported(l, "dual"),
      total: (lines) => sum(lines, "dual"),
    },
    {
      key: "linked",
      label: c.linked,
      width: 12,
      format: "integer",
      value: (l) => reported(l, "linked"),
      total: (lines) => sum(lines, "linked"),
    },
    {
      key: "link_percent",
      label: c.linking,
      width: 12,
      format: "percent",
      value: (l) => num(l.linking.percent),
      total: (lines) => totalPercent(lines, "linked", "dual"),
    },
    {
      key: "link_expected_percent",
      label: c.linkingExpected,
      width: 12,
      format: "percent",
      value: (l) => num(l.linking.expectedPercent),
    },
    {
      key: "lagging",
      label: c.lagging,
      width: 11,
      value: (l) => (l.lagging ? "yes" : "no"),
      shown: (l) => (l.lagging ? c.yes : c.no),
    },
    {
      key: "flags",
      label: c.flags,
      width: 28,
      value: (l) =>
        l.flags.map((flag) => (flag.metric ? `${flag.code}:${flag.metric}` : flag.code)).join(" "),
      shown: (l) =>
        l.flags
          .map((flag) => `${t.flag[flag.code]}${flag.metric ? ` (${t.flagMetric[flag.metric]})` : ""}`)
          .join("; "),
    },
    {
      key: "flag_messages",
      label: c.reasons,
      width: 60,
      value: (l) => l.flags.map((flag) => flag.message).join(" | "),
      shown: (l) => l.flags.map((flag) => flagText(flag, t, f)).join("\n"),
    },
    { key: "approved_by", value: (l) => approvals.get(l.unit.id)?.by ?? null },
    { key: "approved_at", value: (l) => approvals.get(l.unit.id)?.at ?? null },
    {
      label: c.status,
      width: 34,
      shown: (l) => {
        const approval = approvals.get(l.unit.id);
        return approval
          ? formatMessage(language, t.reporting.approvedBy, { by: approval.by, at: vietnamTime(approval.at) })
          : t.reporting.provisional;
      },
    },
  ];
}

/** reports.csv: machine-friendly columns (English names, numbers as numbers). */
export const figuresCsv = (lines: readonly Line[], approvals: Approvals = new Map()) =>
  csvOf(figuresColumns("en", approvals), lines);

/** reports.xlsx, for people: the same figures in the reader's language (Vietnamese unless asked otherwise). */
export const figuresSheet = (
  lines: readonly Line[],
  date: string,
  language: Language,
  approvals: Approvals = new Map(),
): SheetSpec => sheetOf(date, figuresColumns(language, approvals), lines);
