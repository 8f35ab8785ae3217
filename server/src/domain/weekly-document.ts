import { formatMessage, type Language, MESSAGES } from "../messages/format.ts";
import { documentFormat } from "./flag-text.ts";
import type { UnitOverview } from "./overview.ts";
import { vietnamTime, weekNumberOf } from "./reporting-weeks.ts";
import { levelOfChildren } from "./tree.ts";

/** The heading and signature an office sets for its weekly report (Settings; Nghị định 30/2020/NĐ-CP). */
export interface DocumentHeading {
  /** The body above the issuer ("CÔNG AN TỈNH GIA LAI"), may be empty. */
  parentBody: string;
  /** The issuing body ("CÔNG AN HUYỆN TÂY SƠN"). */
  issuer: string;
  /** The symbol after the number ("BC-CAH"). */
  symbol: string;
  /** The place of the date line ("Tây Sơn"). */
  place: string;
  /** The signer's title ("TRƯỞNG CÔNG AN HUYỆN") and name. */
  signerTitle: string;
  signerName: string;
  /** "Nơi nhận": one recipient per entry. */
  recipients: string[];
}

/** What the report says of the week's reporting (GET /api/reporting, one week). */
export interface WeekReporting {
  week: string;
  start: string;
  end: string;
  due: string;
  expected: number;
  reported: number;
  onTime: number;
  units: readonly { unitId: string; name: string; status: "on_time" | "late" | "missing" }[];
}

/**
 * The weekly report as a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * the issuing body and number on the left and the national heading and motto on the right, the place
 * and date line, the title and subject, the body, the recipients and the signature. The web page, its
 * print and the DOCX are made from this one model.
 */
export interface WeeklyDocument {
  parentBody: string;
  issuer: string;
  number: string;
  nation: string;
  motto: string;
  placeDate: string;
  heading: string;
  subject: string;
  /** The body up to the signature: a few sentences, and the lagging communes as a short table. */
  sections: { title: string; lines: string[]; table?: DocumentTable; after?: string[] }[];
  recipientsTitle: string;
  recipients: string[];
  signerTitle: string;
  signature: string;
  signerName: string;
  /** After the signature: every commune (Phụ lục). */
  appendix: { title: string; subject: string; table: DocumentTable };
}

/**
 * A table of the document: its header and its rows; `numeric` columns align right; widths in percent.
 * A figure's cell carries its value beside the words, so that the workbook keeps it a number.
 */
export interface DocumentTable {
  columns: string[];
  numeric: boolean[];
  widths: number[];
  rows: DocumentCell[][];
}

/** A figure as written ("65,68%") and as a number (65.68, a percent as its percent) for a spreadsheet. */
export interface DocumentFigure {
  text: string;
  value: number | null;
  format: "integer" | "percent";
}
export type DocumentCell = string | DocumentFigure;

/** The words of a cell, as the page and the DOCX write it. */
export const cellText = (cell: DocumentCell): string => (typeof cell === "string" ? cell : cell.text);

/** The lagging communes the body's table shows; the rest are counted and left to the appendix. */
export const LAGGING_IN_BODY = 10;
/** The names a sentence lists before "và N xã khác". */
const NAMES_IN_A_SENTENCE = 10;

export function weeklyDocument(
  overview: UnitOverview & { approval?: { by: string; at: string } | null },
  reporting: WeekReporting,
  deadline: string,
  heading: DocumentHeading,
  language: Language,
): WeeklyDocument {
  const t = MESSAGES[language];
  const d = t.weeklyDocument;
  const f = documentFormat(language);
  const level = levelOfChildren(overview.children);
  const fill = (message: string, values: Record<string, string | number> = {}) =>
    formatMessage(language, message, { level, ...values });
  const integer = (value: number | null): DocumentFigure => ({
    text: value === null ? "—" : f.integer(value),
    value,
    format: "integer",
  });
  const percent = (value: string | null): DocumentFigure => ({
    text: f.percent(value),
    value: value === null ? null : Number(value),
    format: "percent",
  });
  // Nghị định 30: a day under 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02", "tháng 6").
  const [year, month, day] = overview.date.split("-") as [string, string, string];
  const monthShown = Number(month) <= 2 ? month : String(Number(month));
  const names = (status: "late" | "missing") => {
    const all = reporting.units.filter((u) => u.status === status).map((u) => u.name);
    return all.length <= NAMES_IN_A_SENTENCE
      ? all.join(", ")
      : fill(d.namesMore, {
          names: all.slice(0, NAMES_IN_A_SENTENCE).join(", "),
          count: all.length - NAMES_IN_A_SENTENCE,
        });
  };
  const statusOf = new Map(reporting.units.map((u) => [u.unitId, u.status]));
  const reported = (id: string) => {
    const status = statusOf.get(id);
    return status === "on_time" ? d.reportedOnTime : status === "late" ? d.reportedLate : d.reportedMissing;
  };
  type Child = (typeof overview.children)[number];
  // Lagging on either metric (a linking campaign's laggards lag on linking), coverage's first.
  const laggingIds = [
    ...new Set([...overview.laggingOrderByMetric.coverage, ...overview.laggingOrderByMetric.linking]),
  ];
  const lagging = laggingIds.flatMap((id) => overview.children.filter((c) => c.unit.id === id));
  const standing = (child: Child) => {
    const metrics = (["coverage", "linking"] as const).filter((metric) => child[metric].lagging);
    if (metrics.length > 0) {
      return fill(d.standingLagging, { metrics: metrics.map((metric) => t.flagMetric[metric]).join(", ") });
    }
    const units = child.coverage.units;
    return units.done > 0 ? d.standingDone : units.notJudged > 0 ? d.standingNotJudged : d.standingOnTrack;
  };
  // A row speaks of the metric the commune lags on (coverage first): a linking laggard's linked / dual.
  const laggingMetric = (child: Child) => (child.coverage.lagging ? "coverage" : "linking");
  const laggingTable: DocumentTable = {
    columns: [
      fill(d.colCommune),
      d.colAccounts,
      d.colRate,
      d.colExpected,
      d.colGap,
      d.colReported,
      d.colStanding,
    ],
    numeric: [false, true, true, true, true, false, false],
    widths: [24, 19, 10, 10, 12, 11, 14],
    rows: lagging.slice(0, LAGGING_IN_BODY).map((child) => {
      const status = child[laggingMetric(child)];
      return [
        child.unit.name,
        `${f.integer(status.count)} / ${f.integer(status.base)}`,
        percent(status.percent),
        percent(status.expectedPercent),
        integer(status.gapToExpected === null ? null : Math.max(0, status.gapToExpected)),
        reported(child.unit.id),
        standing(child),
      ];
    }),
  };
  const byCoverage = [...overview.children].sort(
    (a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY),
  );
  const weekNumber = weekNumberOf(reporting.week);
  const missing = names("missing");
  const late = names("late");
  const rest = lagging.length - LAGGING_IN_BODY;
  return {
    parentBody: heading.parentBody.toUpperCase(),
    issuer: (heading.issuer || overview.unit.name).toUpperCase(),
    number: fill(d.number, { symbol: heading.symbol }),
    nation: d.nation,
    motto: d.motto,
    placeDate: fill(d.placeDate, { place: heading.place || "…", day, month: monthShown, year }),
    heading: d.heading,
    subject: fill(d.subject, { week: weekNumber, from: f.date(reporting.start), to: f.date(reporting.end) }),
    sections: [
      {
        title: fill(d.results, {
          date: f.date(overview.date),
          status: overview.approval
            ? fill(d.approved, { by: overview.approval.by, at: vietnamTime(overview.approval.at) })
            : d.provisional,
        }),
        lines: resultLines(overview, deadline, language),
      },
      {
        title: d.completeness,
        lines: [
          fill(d.completenessLine, {
            reported: reporting.reported,
            expected: reporting.expected,
            onTime: reporting.onTime,
            due: vietnamTime(reporting.due),
          }),
          ...(missing ? [fill(d.missing, { units: missing })] : []),
          ...(late ? [fill(d.late, { units: late })] : []),
        ],
      },
      {
        title: fill(d.laggingTitle, { count: lagging.length }),
        lines: lagging.length === 0 ? [fill(d.noLagging)] : [fill(d.laggingIntro)],
        ...(lagging.length > 0 ? { table: laggingTable } : {}),
        after: rest > 0 ? [fill(d.laggingRest, { count: rest })] : [],
      },
    ],
    recipientsTitle: d.recipients,
    // Nghị định 30: each recipient ends with a semicolon, the last ("Lưu: VT, …") with a full stop.
    recipients: heading.recipients.map(
      (r, i) => `- ${r.replace(/[;.]+$/, "")}${i === heading.recipients.length - 1 ? "." : ";"}`,
    ),
    signerTitle: heading.signerTitle.toUpperCase(),
    signature: d.signature,
    signerName: heading.signerName,
    appendix: {
      title: d.appendixTitle,
      subject: fill(d.appendixSubject, { date: f.date(overview.date), week: weekNumber }),
      table: {
        columns: [
          d.colNo,
          fill(d.colCommune),
          d.colPopulation,
          d.colLevel2,
          d.colRate,
          d.colExpected,
          d.colLinking,
          d.colReported,
          d.colStanding,
        ],
        numeric: [true, false, true, true, true, true, true, false, false],
        widths: [6, 22, 11, 11, 9, 9, 9, 10, 13],
        rows: byCoverage.map((child, i) => [
          integer(i + 1),
          child.unit.name,
          integer(child.figures.population),
          integer(child.figures.level2),
          percent(child.coverage.percent),
          percent(child.coverage.expectedPercent),
          percent(child.linking.percent),
          reported(child.unit.id),
          standing(child),
        ]),
      },
    },
  };
}

/** The results as the weekly report states them: coverage, days and pace, linking (the DOCX, the page, the XLSX). */
export function resultLines(overview: UnitOverview, deadline: string, language: Language): string[] {
  const d = MESSAGES[language].weeklyDocument;
  const f = documentFormat(language);
  const fill = (message: string, values: Record<string, string | number>) =>
    formatMessage(language, message, values);
  const { figures, coverage, linking } = overview;
  return [
    fill(d.coverage, {
      percent: f.percent(coverage.percent),
      level2: f.integer(figures.level2),
      population: f.integer(figures.population),
      expected: f.percent(coverage.expectedPercent),
      remaining: f.integer(coverage.remaining),
    }),
    overview.daysLeft > 0
      ? fill(
          coverage.remaining === 0 ? d.daysReached : coverage.pacePerDay === null ? d.daysNoPace : d.days,
          {
            days: overview.daysLeft,
            deadline: f.date(deadline),
            required: coverage.requiredPerDay === null ? "—" : f.perDay(coverage.requiredPerDay),
            pace: coverage.pacePerDay === null ? "" : f.perDay(coverage.pacePerDay),
          },
        )
      : fill(d.afterDeadline, { deadline: f.date(deadline) }),
    fill(d.linking, {
      percent: f.percent(linking.percent),
      linked: f.integer(figures.linked),
      dual: f.integer(figures.dual),
      expected: f.percent(linking.expectedPercent),
      remaining: f.integer(linking.remaining),
    }),
    // Linking is a target of every campaign: its need per day is stated as coverage's is.
    ...(overview.daysLeft > 0 && linking.remaining > 0
      ? [
          fill(linking.pacePerDay === null ? d.linkingNoPace : d.linkingPace, {
            required: linking.requiredPerDay === null ? "—" : f.perDay(linking.requiredPerDay),
            pace: linking.pacePerDay === null ? "" : f.perDay(linking.pacePerDay),
          }),
        ]
      : []),
  ];
}
