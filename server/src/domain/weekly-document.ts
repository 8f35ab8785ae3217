import { formatMessage, type Language, MESSAGES } from "../messages/format.ts";
import { documentFormat, flagText } from "./flag-text.ts";
import type { UnitOverview } from "./overview.ts";
import { vietnamTime, weekNumberOf } from "./reporting-weeks.ts";

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
  sections: { title: string; lines: string[] }[];
  recipientsTitle: string;
  recipients: string[];
  signerTitle: string;
  signature: string;
  signerName: string;
}

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
  const fill = (message: string, values: Record<string, string | number> = {}) =>
    formatMessage(language, message, values);
  // Nghị định 30: a day under 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02", "tháng 6").
  const [year, month, day] = overview.date.split("-") as [string, string, string];
  const monthShown = Number(month) <= 2 ? month : String(Number(month));
  const names = (status: "late" | "missing") =>
    reporting.units.filter((u) => u.status === status).map((u) => u.name);
  // Lagging on either metric (a linking campaign's laggards lag on linking), coverage's first.
  const laggingIds = [
    ...new Set([...overview.laggingOrderByMetric.coverage, ...overview.laggingOrderByMetric.linking]),
  ];
  const lagging = laggingIds.flatMap((id) => overview.children.filter((c) => c.unit.id === id));
  const weekNumber = weekNumberOf(reporting.week);
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
          ...(names("missing").length > 0 ? [fill(d.missing, { units: names("missing").join(", ") })] : []),
          ...(names("late").length > 0 ? [fill(d.late, { units: names("late").join(", ") })] : []),
        ],
      },
      {
        title: fill(d.laggingTitle, { count: lagging.length }),
        lines:
          lagging.length === 0
            ? [d.noLagging]
            : lagging.map((line) =>
                fill(d.laggingLine, {
                  unit: line.unit.name,
                  reasons: line.flags
                    .filter((flag) => flag.metric !== null && line[flag.metric].lagging)
                    .map((flag) => flagText(flag, t, f))
                    .join(" "),
                }),
              ),
      },
    ],
    recipientsTitle: d.recipients,
    recipients: heading.recipients.map((r) => `- ${r};`),
    signerTitle: heading.signerTitle.toUpperCase(),
    signature: d.signature,
    signerName: heading.signerName,
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
