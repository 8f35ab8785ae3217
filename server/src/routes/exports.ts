import { Hono } from "hono";
import { stream } from "hono/streaming";
import { z } from "zod";
import { authorize, requireUser } from "../auth/middleware.ts";
import { documented } from "../contract/documented.ts";
import { addDays, vietnamDate } from "../domain/dates.ts";
import { DRIVE_STATUSES } from "../domain/drives.ts";
import { weekLabel, weekStart } from "../domain/reporting-weeks.ts";
import { can, type User } from "../domain/roles.ts";
import type { Report } from "../domain/types.ts";
import { withPredecessors } from "../domain/unit-history.ts";
import { type WeekReporting, weeklyDocument } from "../domain/weekly-document.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { csvRows, toCsv, toXlsx } from "../exports/cells.ts";
import { drivesCsv, drivesSheet, weeklyDrivesSheet } from "../exports/drives-table.ts";
import { figuresCsv, figuresSheet } from "../exports/figures-table.ts";
import { reportingCsv, reportingSheet } from "../exports/reporting-table.ts";
import { weeklyDocx } from "../exports/weekly-docx.ts";
import { weeklySheets } from "../exports/weekly-sheets.ts";
import {
  askedUnit,
  assessmentInput,
  campaignParam,
  keptUnitLines,
  overviewOfInput,
} from "../services/assessment-input.ts";
import { approvalOn, reportingQuery, reportingWeeks } from "../services/reporting-weeks.ts";
import { drivesOf } from "../services/unit-drives.ts";
import type { Store } from "../store/store.ts";
import { isoDate, validQuery } from "../validation.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const query = z.object({
  unit: z.string().min(1).optional(),
  date: isoDate.optional(),
  campaign: campaignParam,
});
const driveQuery = z.object({
  unit: z.string().min(1).optional(),
  status: z.enum(DRIVE_STATUSES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const attachment = (name: string) => ({ "Content-Disposition": `attachment; filename="${name}"` });

const HISTORY_HEADER = ["unit_code", "unit_name", "date", "population", "level2", "dual", "linked"];
/** History exports per user: a country's history is 50 MB of CSV. */
export const HISTORY_LIMIT = { max: 3, windowMs: 60_000 };
const HISTORY_PAGE = 5_000;

export function exportRoutes(store: Store, homeUnit: string | null, now: () => number) {
  const unitLines = keptUnitLines(store);
  const load = (q: z.infer<typeof query>) => assessmentInput(store, q, homeUnit, now);
  /** The weekly report of the week of `q.date`, one model for the DOCX and the workbook (and the page). */
  const weeklyDocumentOf = async (q: z.infer<typeof query>) => {
    const input = await load(q);
    const communes = input.tree.reportingUnitsUnder(input.unitId).map((u) => u.id);
    const approval = await approvalOn(store, communes, input.date, input.unitId);
    const { weeks } = await reportingWeeks(
      store,
      { unit: q.unit, from: weekStart(input.date), to: input.date },
      homeUnit,
      now,
    );
    const { document } = await store.reportingSettings();
    const doc = weeklyDocument(
      { ...overviewOfInput(input), ...approval },
      weeks[0] as WeekReporting,
      input.campaign.deadline,
      document,
      "vi",
    );
    return { doc, input, unitId: input.unitId, week: approval.week };
  };
  /** The drive plan the filters select (the public sees no team details). */
  const plan = (q: z.infer<typeof driveQuery>, reader: User | null) =>
    drivesOf(store, q, homeUnit, now, reader);
  /** Each commune's approval of the week of `date` (the exports say provisional or approved by whom). */
  const approvalsOf = async (lines: readonly { unit: { id: string } }[], date: string) => {
    const week = weekLabel(date);
    const found = await store.approvals(
      lines.map((l) => l.unit.id),
      week,
      week,
    );
    return new Map(found.map((a) => [a.unitId, { by: a.by, at: a.at }]));
  };

  return (
    new Hono<AppEnv>()
      .get(
        "/reports.csv",
        documented({
          summary: "The figures table of a unit's children on a date, as CSV",
          tag: "Exports",
          access: "dashboard",
          answers: { 200: { media: "text/csv", description: "UTF-8 with BOM" } },
          errors: [404, 409],
        }),
        validQuery(query),
        async (c) => {
          const input = await load(c.req.valid("query"));
          const { unitId, date } = input;
          const lines = await unitLines(input);
          return c.body(figuresCsv(lines, await approvalsOf(lines, date)), 200, {
            "Content-Type": "text/csv; charset=utf-8",
            ...attachment(`so-lieu-${unitId}-${date}.csv`),
          });
        },
      )
      .get(
        "/reports.xlsx",
        documented({
          summary: "The figures table as an Excel workbook",
          tag: "Exports",
          access: "dashboard",
          answers: { 200: { media: XLSX_TYPE, description: "The figures sheet" } },
          errors: [404, 409],
        }),
        validQuery(query),
        async (c) => {
          const input = await load(c.req.valid("query"));
          const { unitId, date } = input;
          const lines = await unitLines(input);
          const language = c.req.query("lang") === "en" ? "en" : "vi";
          const body = await toXlsx([figuresSheet(lines, date, language, await approvalsOf(lines, date))]);
          return c.body(body, 200, {
            "Content-Type": XLSX_TYPE,
            ...attachment(`so-lieu-${unitId}-${date}.xlsx`),
          });
        },
      )
      // Every report ever entered: signed-in users only, a few times a minute each, streamed page by
      // page so that a country's million rows never sit in memory at once.
      .get(
        "/history.csv",
        documented({
          summary: "Every report of a unit's communes, as CSV (signed in)",
          tag: "Exports",
          access: "signed-in",
          answers: { 200: { media: "text/csv", description: "UTF-8 with BOM" } },
          errors: [404],
        }),
        validQuery(query.pick({ unit: true })),
        async (c) => {
          const user = requireUser(c);
          const claim = await store.claimAttempt([{ key: `history:${user.id}`, ...HISTORY_LIMIT }], now());
          if (!claim.ok) {
            const retryAfter = Math.max(1, Math.ceil(claim.retryAfterMs / 1000));
            throw new ApiError(
              429,
              "TOO_MANY_EXPORTS",
              `The history export is limited to ${HISTORY_LIMIT.max} a minute; try again in ${retryAfter} s.`,
              { retryAfter },
              { "Retry-After": String(retryAfter) },
            );
          }
          const { history, on } = await askedUnit(store, c.req.valid("query").unit, homeUnit);
          const today = vietnamDate(now());
          const scope = on(today);
          const unitId = scope.unit.id;
          // Every report ever entered is private: an account bound to a unit exports its own part only.
          await authorize(c, store, (reader) => can(reader, "readPrivate", { unitId, date: today }), {
            action: "export the report history of this unit",
            unitId,
          });
          // The reports of its communes and of the communes they were formed from, each under the name it had.
          const versions = withPredecessors(history, scope.tree.reportingUnitsUnder(unitId));
          const ids = [...new Set([...versions.values()].map((u) => u.id))];
          c.header("Content-Type", "text/csv; charset=utf-8");
          c.header("Content-Disposition", `attachment; filename="lich-su-${unitId}.csv"`);
          return stream(c, async (out) => {
            await out.write(toCsv(HISTORY_HEADER, []));
            let after: { date: string; unitId: string } | null = null;
            for (;;) {
              const page = await store.reportPage(ids, after, HISTORY_PAGE);
              if (page.length === 0) break;
              const rows = page.map((r) => [
                r.unitId,
                history.versionOn(r.unitId, r.date)?.name ?? "",
                r.date,
                r.population,
                r.level2,
                r.dual,
                r.linked,
              ]);
              await out.write(csvRows(rows));
              const last = page.at(-1) as Report;
              after = { date: last.date, unitId: last.unitId };
            }
          });
        },
      )
      .get(
        "/drives.csv",
        documented({
          summary: "Drives as CSV",
          tag: "Exports",
          access: "dashboard",
          answers: { 200: { media: "text/csv", description: "UTF-8 with BOM" } },
          errors: [404],
        }),
        validQuery(driveQuery),
        async (c) => {
          const { history, scope, drives } = await plan(c.req.valid("query"), c.get("user"));
          const unitId = scope.unit.id;
          return c.body(drivesCsv(drives, history), 200, {
            "Content-Type": "text/csv; charset=utf-8",
            ...attachment(`dot-van-dong-${unitId}.csv`),
          });
        },
      )
      .get(
        "/drives.xlsx",
        documented({
          summary: "Drives as an Excel workbook",
          tag: "Exports",
          access: "dashboard",
          answers: { 200: { media: XLSX_TYPE, description: "The drives sheet" } },
          errors: [404],
        }),
        validQuery(driveQuery),
        async (c) => {
          const { history, scope, drives } = await plan(c.req.valid("query"), c.get("user"));
          const unitId = scope.unit.id;
          const body = await toXlsx([drivesSheet(drives, history)]);
          return c.body(body, 200, {
            "Content-Type": XLSX_TYPE,
            ...attachment(`dot-van-dong-${unitId}.xlsx`),
          });
        },
      )
      // The weekly report as the office sends it upward: a Word document in Vietnamese (Nghị định 30/2020).
      .get(
        "/weekly.docx",
        documented({
          summary: "The official weekly report (Word), for the week of a date",
          tag: "Exports",
          access: "dashboard",
          answers: { 200: { media: DOCX_TYPE, description: "The weekly document" } },
          errors: [404, 409],
        }),
        validQuery(query),
        async (c) => {
          const { doc, unitId, week } = await weeklyDocumentOf(c.req.valid("query"));
          const body = await weeklyDocx(doc);
          return c.body(new Uint8Array(body), 200, {
            "Content-Type": DOCX_TYPE,
            ...attachment(`bao-cao-tuan-${unitId}-${week}.docx`),
          });
        },
      )
      // Who reported each week, on time or late, one line per week and commune.
      .get(
        "/reporting.csv",
        documented({
          summary: "Who reported each week, as CSV",
          tag: "Exports",
          access: "dashboard",
          answers: { 200: { media: "text/csv", description: "UTF-8 with BOM" } },
          errors: [404],
        }),
        validQuery(reportingQuery),
        async (c) => {
          const { weeks } = await reportingWeeks(store, c.req.valid("query"), homeUnit, now);
          return c.body(reportingCsv(weeks), 200, {
            "Content-Type": "text/csv; charset=utf-8",
            ...attachment("tinh-hinh-bao-cao.csv"),
          });
        },
      )
      .get(
        "/reporting.xlsx",
        documented({
          summary: "Who reported each week, as an Excel workbook",
          tag: "Exports",
          access: "dashboard",
          answers: { 200: { media: XLSX_TYPE, description: "The reporting sheet" } },
          errors: [404],
        }),
        validQuery(reportingQuery),
        async (c) => {
          const { weeks } = await reportingWeeks(store, c.req.valid("query"), homeUnit, now);
          const body = await toXlsx([reportingSheet(weeks)]);
          return c.body(body, 200, { "Content-Type": XLSX_TYPE, ...attachment("tinh-hinh-bao-cao.xlsx") });
        },
      )
      .get(
        "/weekly.xlsx",
        documented({
          summary: "The weekly report's tables as an Excel workbook",
          tag: "Exports",
          access: "dashboard",
          answers: { 200: { media: XLSX_TYPE, description: "The weekly tables" } },
          errors: [404, 409],
        }),
        validQuery(query),
        async (c) => {
          const q = c.req.valid("query");
          const { doc, unitId, week, input } = await weeklyDocumentOf(q);
          const drives = await drivesOf(
            store,
            { unit: q.unit, from: addDays(input.date, -6), to: input.date },
            homeUnit,
            now,
            c.get("user"),
          );
          const body = await toXlsx(weeklySheets(doc, weeklyDrivesSheet(drives.drives, input.history)));
          return c.body(body, 200, {
            "Content-Type": XLSX_TYPE,
            ...attachment(`bao-cao-tuan-${unitId}-${week}.xlsx`),
          });
        },
      )
  );
}
