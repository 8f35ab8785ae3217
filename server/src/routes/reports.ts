import { Hono } from "hono";
import { z } from "zod";
import { authorize } from "../auth/middleware.ts";
import { documented } from "../contract/documented.ts";
import { ReportAnswer } from "../contract/work.ts";
import { baselineChange } from "../domain/baseline-change.ts";
import { isIsoDate, vietnamDate } from "../domain/dates.ts";
import { byDate } from "../domain/history.ts";
import { checkReport, earliestReportDate, type Problem } from "../domain/report-validation.ts";
import { can } from "../domain/roles.ts";
import type { Unit } from "../domain/types.ts";
import { otherVersion, versionKey } from "../domain/unit-history.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { idempotent } from "../idempotent.ts";
import type { Store } from "../store/store.ts";
import { validJson } from "../validation.ts";

const reportBody = z.object({
  unitId: z.union([z.string(), z.number()]).transform(String),
  date: z.string().max(32),
  population: z.unknown(),
  level2: z.unknown(),
  dual: z.unknown(),
  linked: z.unknown(),
  confirm: z.boolean().optional(),
});

/** A problem with the value that was sent for its field, as every error detail carries. */
const detail = (problem: Problem, body: Record<string, unknown>) => ({
  ...problem,
  value: body[problem.field] ?? null,
});

export function reportRoutes(store: Store, now: () => number) {
  return new Hono<AppEnv>()
    .post(
      "/",
      documented({
        summary: "Record a commune's figures on a date (confirm: true keeps one with warnings)",
        tag: "Reports",
        access: "signed-in",
        answers: { 200: ReportAnswer, 201: ReportAnswer },
        errors: [404, 409, 422],
        idempotent: true,
      }),
      // A phone's queue sends a report again when it cannot know whether it arrived (docs/offline.md).
      idempotent(store, now),
      validJson(reportBody),
      async (c) => {
        const body = c.req.valid("json");
        // The unit is the version valid on the report's date (a 2024 report of an old commune, a 2025
        // one of a new): rights are checked against it, never the bare code.
        const day = isIsoDate(body.date) ? body.date : vietnamDate(now());
        await authorize(c, store, (user) => can(user, "writeReports", { unitId: body.unitId, date: day }), {
          action: "write reports",
          unitId: body.unitId,
        });
        const units = await store.unitHistory();
        const unit = units.treeOn(day).get(body.unitId);
        const current = unit
          ? ((await store.unitHistories(units, [unit], "9999-12-31")).get(versionKey(unit))?.reports ?? [])
          : [];
        const history = current.filter((r) => r.date !== body.date);
        const campaign = await store.campaign();
        const { errors, warnings, report } = checkReport(
          body,
          unit,
          history,
          vietnamDate(now()),
          earliestReportDate(campaign.start),
          otherVersion(units, body.unitId, day),
        );
        if (!report) {
          throw new ApiError(
            422,
            "REPORT_INVALID",
            errors.map((e) => e.message).join(" "),
            errors.map((e) => detail(e, body)),
          );
        }
        const withReport = [...history, report].sort(byDate);
        const baseline = baselineChange(unit as Unit, current, withReport, campaign);
        if (baseline) warnings.push(baseline);
        if (warnings.length > 0 && body.confirm !== true) {
          throw new ApiError(
            422,
            "REPORT_NEEDS_CONFIRMATION",
            `${warnings.map((w) => w.message).join(" ")} Send it again with "confirm": true to keep it.`,
            warnings.map((w) => detail(w, body)),
          );
        }
        const summary = await store.saveReports([report], c.get("actor"));
        const change = summary.created ? "created" : summary.revised ? "revised" : "unchanged";
        return c.json({ report, change, warnings }, summary.created ? 201 : 200);
      },
    )
    .delete(
      "/:unitId/:date",
      documented({
        summary: "Delete a report (police, admin)",
        tag: "Reports",
        access: "signed-in",
        answers: { 204: null },
        errors: [404, 409],
      }),
      async (c) => {
        const { unitId, date } = c.req.param();
        await authorize(c, store, (user) => can(user, "deleteReports", { unitId, date }), {
          action: "delete reports",
          unitId,
        });
        if (!isIsoDate(date) || !(await store.deleteReport(unitId, date, c.get("actor")))) {
          throw new ApiError(404, "REPORT_NOT_FOUND", `There is no report of ${unitId} on ${date}.`, {
            unitId,
            date,
          });
        }
        return c.body(null, 204);
      },
    );
}
