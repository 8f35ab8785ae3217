import { Hono } from "hono";
import { authorize, requireUser } from "../auth/middleware.ts";
import { documented } from "../contract/documented.ts";
import { ImportAnswer } from "../contract/work.ts";
import { vietnamDate } from "../domain/dates.ts";
import { can } from "../domain/roles.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { type Cell, type Column, csvOf, sheetOf, toXlsx } from "../exports/cells.ts";
import { BadHeader, type ImportPlan, planImport } from "../imports/plan.ts";
import { readTableFile, uploadedFile, XLSX_TYPE } from "../imports/read-upload.ts";
import { askedUnit } from "../services/assessment-input.ts";
import { WeekLocked } from "../store/approvals.ts";
import type { Store } from "../store/store.ts";

export const IMPORT_LIMIT = 20 * 1024 * 1024;
/** The import template: the columns a file is read by (imports/columns.ts), one row per commune. */
const templateColumn = (name: string, width: number, at: number): Column<Cell[]> => ({
  key: name,
  label: name,
  width,
  value: (row) => row[at] ?? null,
});
const TEMPLATE = [
  templateColumn("mã đơn vị", 12, 0),
  templateColumn("tên đơn vị", 24, 1),
  templateColumn("ngày", 12, 2),
  templateColumn("dân số", 10, 3),
  templateColumn("tài khoản mức 2", 16, 4),
  templateColumn("có cả hai tài khoản", 20, 5),
  templateColumn("đã liên kết", 12, 6),
];
/** The rows with something to say first (errors, then warnings), then the others the plan kept. */
function answeredRows(plan: ImportPlan, withClean: boolean) {
  const weight = (row: ImportPlan["rows"][number]) =>
    row.errors.length > 0 ? 0 : row.warnings.length > 0 ? 1 : 2;
  return (withClean ? [0, 1, 2] : [0, 1]).flatMap((level) =>
    plan.rows.filter((row) => weight(row) === level),
  );
}

/** The file read in its worker and checked row by row (plan.ts); the file's table is not kept. */
async function planFile(store: Store, file: File, today: string): Promise<ImportPlan> {
  try {
    const table = await readTableFile(file);
    const history = await store.unitHistory();
    const campaign = await store.campaign();
    return await planImport(
      table,
      history,
      async (versions) => {
        const found = await store.unitHistories(history, versions, "9999-12-31");
        return new Map([...found].map(([key, { reports }]) => [key, reports]));
      },
      today,
      campaign,
    );
  } catch (error) {
    if (error instanceof BadHeader) {
      throw new ApiError(422, "BAD_HEADER", error.message, { missing: error.missing, found: error.found });
    }
    throw error;
  }
}

export function importRoutes(store: Store, homeUnit: string | null, now: () => number) {
  return new Hono<AppEnv>()
    .post(
      "/",
      documented({
        summary:
          "Import reports from a CSV or Excel file: dryRun=true checks it, confirm=true keeps rows with warnings",
        tag: "Reports",
        access: "signed-in",
        answers: { 200: ImportAnswer },
        errors: [409, 422],
        upload: "The file (CSV or XLSX) with the template's columns",
      }),
      async (c) => {
        await authorize(c, store, (u) => can(u, "importReports"), { action: "import reports" });
        const user = requireUser(c);
        const dryRun = c.req.query("dryRun") === "true";
        const confirm = c.req.query("confirm") === "true";
        const file = await uploadedFile(c);
        const plan = await planFile(store, file, vietnamDate(now()));
        if (plan.summary.rows === 0)
          throw new ApiError(422, "EMPTY_FILE", `${file.name} has a header but no row of figures.`);
        // A file is refused whole when one of its rows is a commune (as it is on the row's date) the
        // user may not write for.
        const targets = [...plan.reports, ...plan.refusedTargets];
        const refused = targets.find((target) => !can(user, "writeReports", target));
        await authorize(c, store, (u) => targets.every((target) => can(u, "writeReports", target)), {
          action: "import reports",
          unitId: refused?.unitId,
        });
        // A file with a row in an approved week is refused whole, naming those rows (the write checks again).
        const locked = await store.lockedReports(plan.reports);
        if (locked.length > 0) throw new WeekLocked(locked);
        if (dryRun)
          return c.json({
            dryRun: true,
            summary: plan.summary,
            ignoredColumns: plan.ignoredColumns,
            rows: answeredRows(plan, true),
          });
        if (plan.summary.withErrors > 0) {
          throw new ApiError(
            422,
            "IMPORT_INVALID",
            `${plan.summary.withErrors} of ${plan.summary.rows} rows have errors: nothing was written.`,
            {
              summary: plan.summary,
              rows: answeredRows(plan, false),
            },
          );
        }
        if (plan.summary.withWarnings > 0 && !confirm) {
          throw new ApiError(
            422,
            "IMPORT_NEEDS_CONFIRMATION",
            `${plan.summary.withWarnings} rows have warnings: send again with ?confirm=true to write them.`,
            { summary: plan.summary, rows: answeredRows(plan, false) },
          );
        }
        const written = await store.saveReports(plan.reports, c.get("actor"));
        return c.json({ dryRun: false, summary: { ...plan.summary, ...written } });
      },
    )
    .get(
      "/template.csv",
      documented({
        summary: "The import template as CSV",
        tag: "Reports",
        access: "dashboard",
        answers: { 200: { media: "text/csv", description: "The columns, one row per commune" } },
      }),
      async (c) => {
        const rows = await templateRows(store, homeUnit, now);
        c.header("Content-Disposition", 'attachment; filename="mau-nhap-so-lieu.csv"');
        return c.body(csvOf(TEMPLATE, rows), 200, { "Content-Type": "text/csv; charset=utf-8" });
      },
    )
    .get(
      "/template.xlsx",
      documented({
        summary: "The import template as an Excel workbook",
        tag: "Reports",
        access: "dashboard",
        answers: { 200: { media: XLSX_TYPE, description: "The columns, one row per commune" } },
      }),
      async (c) => {
        const rows = await templateRows(store, homeUnit, now);
        const body = await toXlsx([sheetOf("Số liệu", TEMPLATE, rows)]);
        c.header("Content-Disposition", 'attachment; filename="mau-nhap-so-lieu.xlsx"');
        return c.body(body, 200, { "Content-Type": XLSX_TYPE });
      },
    );
}

/** One line per commune of the deployment as it is today, code and name filled in. */
async function templateRows(store: Store, homeUnit: string | null, now: () => number) {
  const scope = (await askedUnit(store, undefined, homeUnit)).on(vietnamDate(now()));
  return scope.tree
    .reportingUnitsUnder(scope.unit.id)
    .map((unit) => [unit.id, unit.name, null, null, null, null, null]);
}
