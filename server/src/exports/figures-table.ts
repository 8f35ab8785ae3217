import type { Assessment } from "../domain/assess.ts";
import { documentFormat, flagText } from "../domain/flag-text.ts";
import type { UnitOverview } from "../domain/overview.ts";
import { truncatedPercent } from "../domain/percent.ts";
import { vietnamTime } from "../domain/reporting-weeks.ts";
import type { Unit } from "../domain/types.ts";
import { resultLines } from "../domain/weekly-document.ts";
import { formatMessage, type Language, MESSAGES } from "../messages/format.ts";
import type { Cell, SheetSpec } from "./cells.ts";

type Line = { unit: Unit } & Assessment;
const num = (percent: string | null) => (percent === null ? null : Number(percent));

/** Machine-friendly columns (English names, numbers as numbers) for reports.csv / reports.xlsx. */
export const FIGURES_HEADER = [
  "unit_code",
  "unit_name",
  "date",
  "population",
  "level2",
  "coverage_percent",
  "coverage_change_points",
  "expected_percent",
  "gap_to_expected",
  "pace_per_day",
  "required_per_day",
  "eta",
  "dual",
  "linked",
  "link_percent",
  "link_expected_percent",
  "lagging",
  "flags",
  "flag_messages",
  "approved_by",
  "approved_at",
];

/** A week's approval of one commune's figures (absent: provisional). */
export type Approvals = ReadonlyMap<string, { by: string; at: string }>;

export function figuresRows(lines: readonly Line[], approvals: Approvals = new Map()): Cell[][] {
  return lines.map(({ unit, figures, coverage, linking, lagging, flags }) => [
    unit.id,
    unit.name,
    figures.latestReport,
    figures.reporting ? figures.population : null,
    figures.reporting ? figures.level2 : null,
    num(coverage.percent),
    coverage.weekChange?.points ?? null,
    num(coverage.expectedPercent),
    coverage.gapToExpected,
    coverage.pacePerDay,
    coverage.requiredPerDay,
    coverage.eta,
    figures.reporting ? figures.dual : null,
    figures.reporting ? figures.linked : null,
    num(linking.percent),
    num(linking.expectedPercent),
    lagging ? "yes" : "no",
    flags.map((f) => (f.metric ? `${f.code}:${f.metric}` : f.code)).join(" "),
    flags.map((f) => f.message).join(" | "),
    approvals.get(unit.id)?.by ?? null,
    approvals.get(unit.id)?.at ?? null,
  ]);
}

/**
 * reports.xlsx, for people: the same columns in the reader's language (Vietnamese unless asked
 * otherwise), flag names and sentences from the message catalogue, real date cells, number formats,
 * widths, and a total row with the truncated percents of the totals.
 */
export function figuresSheet(
  lines: readonly Line[],
  date: string,
  language: Language,
  approvals: Approvals = new Map(),
): SheetSpec {
  const t = MESSAGES[language];
  const c = t.exportColumns;
  const f = documentFormat(language);
  const rows = figuresRows(lines, approvals).map((row, i) => {
    const line = lines[i] as Line;
    const approval = approvals.get(line.unit.id);
    row.splice(
      19,
      2,
      approval
        ? formatMessage(language, t.reporting.approvedBy, { by: approval.by, at: vietnamTime(approval.at) })
        : t.reporting.provisional,
    );
    row[16] = line.lagging ? c.yes : c.no;
    row[17] = line.flags
      .map((flag) => `${t.flag[flag.code]}${flag.metric ? ` (${t.flagMetric[flag.metric]})` : ""}`)
      .join("; ");
    row[18] = line.flags.map((flag) => flagText(flag, t, f)).join("\n");
    return row;
  });
  const sum = (key: "population" | "level2" | "dual" | "linked") =>
    lines.reduce((total, line) => total + (line.figures.reporting ? line.figures[key] : 0), 0);
  const percent = (n: number, d: number) => num(truncatedPercent(n, d));
  return {
    name: date,
    header: [
      c.unitCode,
      c.unitName,
      c.date,
      c.population,
      c.level2,
      c.coverage,
      c.change,
      c.expected,
      c.gap,
      c.pace,
      c.required,
      c.eta,
      c.dual,
      c.linked,
      c.linking,
      c.linkingExpected,
      c.lagging,
      c.flags,
      c.reasons,
      c.status,
    ],
    rows,
    formats: [
      null,
      null,
      "date",
      "integer",
      "integer",
      "percent",
      "decimal",
      "percent",
      "integer",
      "decimal",
      "decimal",
      "date",
      "integer",
      "integer",
      "percent",
      "percent",
      null,
      null,
      null,
      null,
    ],
    widths: [11, 24, 13, 11, 14, 12, 14, 11, 14, 12, 12, 13, 14, 12, 12, 12, 11, 28, 60, 34],
    total: [
      null,
      c.total,
      null,
      sum("population"),
      sum("level2"),
      percent(sum("level2"), sum("population")),
      null,
      null,
      null,
      null,
      null,
      null,
      sum("dual"),
      sum("linked"),
      percent(sum("linked"), sum("dual")),
      null,
      null,
      null,
      null,
      null,
    ],
  };
}

/** The weekly report as a district sends it upward, in Vietnamese: totals, communes by coverage, lagging ones with reasons. */
export function weeklySheets(
  overview: UnitOverview,
  deadline: string,
  drives: SheetSpec | null,
  /** The week's approval (null: provisional). */
  approval: { by: string; at: string } | null,
): SheetSpec[] {
  const t = MESSAGES.vi;
  const d = t.weeklyDocument;
  const f = documentFormat("vi");
  const fill = (message: string, values: Record<string, string | number>) =>
    formatMessage("vi", message, values);
  const { figures } = overview;
  const reasons = (line: Line) =>
    line.flags.map((flag) => `${t.flag[flag.code]}: ${flagText(flag, t, f)}`).join("\n");
  const byCoverage = [...overview.children].sort(
    (a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY),
  );
  const lagging = overview.laggingOrder.flatMap((id) => overview.children.filter((c) => c.unit.id === id));
  const preamble: Cell[][] = [
    [d.title],
    [fill(d.asOf, { unit: overview.unit.name, date: f.date(overview.date) })],
    [approval ? fill(d.approved, { by: approval.by, at: vietnamTime(approval.at) }) : d.provisional],
    ...resultLines(overview, deadline, "vi").map((line) => [line]),
    [
      fill(d.reporting, {
        reporting: figures.reporting,
        expected: figures.expected,
        lagging: lagging.length,
      }),
    ],
    [],
  ];
  return [
    {
      name: "Báo cáo tuần",
      preamble,
      header: [
        "Hạng",
        "Xã, thị trấn",
        "Dân số",
        "Tài khoản mức 2",
        "Tỷ lệ (%)",
        "So với tuần trước (điểm %)",
        "Kỳ vọng (%)",
        "Thiếu so với lộ trình (người)",
        "Cần/ngày",
        "Tốc độ/ngày",
        "Liên kết (%)",
        "Chậm tiến độ",
        "Báo cáo gần nhất",
      ],
      rows: byCoverage.map((line) => [
        line.rank,
        line.unit.name,
        line.figures.population,
        line.figures.level2,
        num(line.coverage.percent),
        line.coverage.weekChange?.points ?? null,
        num(line.coverage.expectedPercent),
        line.coverage.gapToExpected,
        line.coverage.requiredPerDay,
        line.coverage.pacePerDay,
        num(line.linking.percent),
        line.lagging ? "Có" : "",
        line.figures.latestReport ? f.date(line.figures.latestReport) : "Chưa có",
      ]),
      widths: [7, 22, 10, 14, 10, 14, 11, 14, 10, 11, 11, 12, 14],
    },
    {
      name: "Xã chậm tiến độ",
      header: ["Xã, thị trấn", "Tỷ lệ (%)", "Kỳ vọng (%)", "Thiếu so với lộ trình (người)", "Lý do"],
      rows: lagging.map((line) => [
        line.unit.name,
        num(line.coverage.percent),
        num(line.coverage.expectedPercent),
        line.coverage.gapToExpected,
        reasons(line),
      ]),
      widths: [22, 10, 11, 14, 100],
    },
    ...(drives ? [drives] : []),
  ];
}
